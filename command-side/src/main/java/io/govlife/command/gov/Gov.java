package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.BumpState;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.CancelFingerprintBump;
import io.govlife.events.bump.CutOverFingerprint;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.citizen.CommissionConfluence;
import io.govlife.events.citizen.ConfirmConfluence;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.DropCitizen;
import io.govlife.events.citizen.ReferenceCitizen;
import io.govlife.events.citizen.ReplaceCitizen;
import io.govlife.events.citizen.UpgradeConfluence;
import io.govlife.events.gov.CreateGov;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.Name;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.GovState;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.gov.RetireGov;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.integrator.DisableIntegratorEndpoint;
import io.govlife.events.integrator.RegisterIntegrator;
import io.govlife.events.integrator.RotateIntegratorSecret;
import io.govlife.events.integrator.UnregisterIntegrator;
import io.govlife.events.operator.AddCitizenOperator;
import io.govlife.events.operator.AddCoOperator;
import io.govlife.events.operator.RemoveCitizenOperator;
import io.govlife.events.operator.RemoveCoOperator;
import io.govlife.events.service.ShipBasicService;
import io.govlife.events.service.WithdrawBasicService;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One gov: its identity, its published GovConfig and its retirement. Every rule of DOMAIN.md is checked before an
 * event is applied, in the entity it is about ({@link Operators}, {@link Draft}, {@link Provenance}, {@link Bumps},
 * {@link HeldUpgrades}, {@link Integrators}), which keeps no reference to the gov, as a snapshot could not restore
 * one: the gov passes itself to the entities that need it. Snapshots are serialised with Jackson from the fields (no
 * getters), hence the visibility settings, on the entities too; their maps and sets are declared sorted, as Jackson
 * would read a plain Map back in insertion order, and the rules iterate (and apply events) in name order.
 */
@Aggregate(repository = "govRepository", snapshotFilter = "govSnapshotFilter")
@Revision(Gov.SNAPSHOT_REVISION)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Gov {

    /**
     * The shape of this state in snapshots: raised whenever the fields change, so a snapshot of an older shape is
     * passed over (the gov is rebuilt from its events) instead of loaded with fields missing.
     */
    public static final String SNAPSHOT_REVISION = "4";

    /** The metadata key the REST layer puts the authenticated operator under. */
    static final String OPERATOR = "operator";

    @AggregateIdentifier
    private String id;
    // package-private, read by the entities while a command is handled: always the current state
    Name name;
    GovConfig published;
    long revision;
    private boolean retired;
    @AggregateMember private Operators operators = new Operators();
    @AggregateMember Draft draft = new Draft();
    @AggregateMember Provenance provenance = new Provenance();
    @AggregateMember Bumps bumps = new Bumps();
    @AggregateMember HeldUpgrades held = new HeldUpgrades();
    @AggregateMember private Integrators integrators = new Integrators();

    protected Gov() {
        // for Axon: rebuilt from events or a snapshot
    }

    @CommandHandler
    public Gov(CreateGov command, GovNameRegistry names, @MetaDataValue(OPERATOR) String operator) {
        if (operator == null) {
            throw new RuleViolation(Rule.NOT_AN_OPERATOR, "operator", "a gov is created by an operator");
        }
        names.claim(command.gov());
        apply(new GovCreated(command.gov(), command.archetype(), command.description(),
                GovConfig.empty(command.gov()).fingerprint(), operator));
    }

    // ---- the draft

    @CommandHandler
    public GovState handle(ReferenceCitizen command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        draft.reference(command.citizen(), name);
        return state();
    }

    @CommandHandler
    public GovState handle(CommissionConfluence command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        draft.commission(command.confluence(), name);
        return state();
    }

    @CommandHandler
    public GovState handle(UpgradeConfluence command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        held.upgrade(command.confluence(), this);
        return state();
    }

    @CommandHandler
    public GovState handle(ConfirmConfluence command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        draft.confirm(command.confluence(), this);
        return state();
    }

    @CommandHandler
    public GovState handle(DropCitizen command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        draft.drop(command.citizen(), this);
        return state();
    }

    @CommandHandler
    public GovState handle(ReplaceCitizen command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        draft.replace(command.citizen(), command.replacement(), this);
        return state();
    }

    @CommandHandler
    public GovState handle(ShipBasicService command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        draft.ship(command.service(), name);
        return state();
    }

    @CommandHandler
    public GovState handle(WithdrawBasicService command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        draft.withdraw(command.service(), name);
        return state();
    }

    // ---- publication

    @CommandHandler
    public GovState handle(PublishGovConfig command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        provenance.requireNoStaleConfluences(draft.config());
        draft.requirePublishable();
        Fingerprint fingerprint = draft.config().fingerprint();
        if (draft.config().equals(published)) {
            throw new RuleViolation(Rule.DRAFT_UNCHANGED, "draft",
                    "the draft equals revision " + revision + " in everything: publishing it would change nothing");
        }
        // a changed docs link or contact under the same root must still reach integrators, as a metadata revision
        boolean metadataOnly = published != null && fingerprint.equals(published.fingerprint());
        apply(new GovConfigPublished(name, revision + 1, fingerprint, published == null ? null
                : published.fingerprint(), draft.config(), command.notes(), null, metadataOnly));
        bumps.afterRecording(this);
        return state();
    }

    // ---- fingerprint bumps

    /** The gov's operators, or that citizen's own, announce a bump; the gov takes it whatever its notice. */
    @CommandHandler
    public BumpState handle(BumpFingerprint command, Clock clock, BumpPolicy policy, @MetaDataValue(OPERATOR) String operator) {
        operators.requireAuthorityOver(command.citizen(), operator, name);
        requireNotRetired();
        FingerprintBumpScheduled scheduled = bumps.schedule(command, draft.requireCitizen(command.citizen(), name),
                clock, policy, this);
        return BumpState.of(state(), scheduled.shortNotice(), scheduled.lateBy());
    }

    @CommandHandler
    public GovState handle(CancelFingerprintBump command, @MetaDataValue(OPERATOR) String operator) {
        operators.requireAuthorityOver(command.citizen(), operator, name);
        requireNotRetired();
        bumps.cancel(command.citizen(), this);
        return state();
    }

    /** Comes from the cutover scheduler, not from an operator. */
    @CommandHandler
    public GovState handle(CutOverFingerprint command, Clock clock) {
        requireNotRetired();
        bumps.cutOverIfDue(command.citizen(), clock, this);
        return state();
    }

    // ---- integrators, co-operators, retirement

    @CommandHandler
    public GovState handle(RegisterIntegrator command, IntegratorDirectory directory, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        integrators.register(command, directory, name);
        return state();
    }

    @CommandHandler
    public GovState handle(RotateIntegratorSecret command, IntegratorDirectory directory, Clock clock, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        integrators.rotate(command, directory, clock, name);
        return state();
    }

    @CommandHandler
    public GovState handle(UnregisterIntegrator command, IntegratorDirectory directory, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        integrators.unregister(command, directory, name);
        return state();
    }

    /** Comes from delivery, not from an operator: a retired gov has nothing left to disable. */
    @CommandHandler
    public GovState handle(DisableIntegratorEndpoint command, IntegratorDirectory directory) {
        if (!retired) {
            integrators.disable(command, directory, name);
        }
        return state();
    }

    @CommandHandler
    public GovState handle(AddCoOperator command, @MetaDataValue(OPERATOR) String operator) {
        operators.add(command.operator(), operator, this);
        return state();
    }

    @CommandHandler
    public GovState handle(RemoveCoOperator command, @MetaDataValue(OPERATOR) String operator) {
        operators.remove(command.operator(), operator, this);
        return state();
    }

    @CommandHandler
    public GovState handle(AddCitizenOperator command, @MetaDataValue(OPERATOR) String operator) {
        operators.addCitizenOperator(command.citizen(), command.operator(), operator, this);
        return state();
    }

    @CommandHandler
    public GovState handle(RemoveCitizenOperator command, @MetaDataValue(OPERATOR) String operator) {
        operators.removeCitizenOperator(command.citizen(), command.operator(), operator, this);
        return state();
    }

    @CommandHandler
    public GovState handle(RetireGov command, @MetaDataValue(OPERATOR) String operator) {
        requireOperating(operator);
        apply(new GovRetired(name, revision == 0 ? null : revision, published == null ? null
                : published.fingerprint(), bumps.pendingCitizens()));
        return state();
    }

    /** The operator's authority is checked first, so a stranger learns nothing of the gov, not even retirement. */
    private void requireOperating(String operator) {
        operators.requireAuthority(operator, name);
        requireNotRetired();
    }

    void requireNotRetired() {
        if (retired) {
            throw new RuleViolation(Rule.GOV_RETIRED, "gov", "gov '" + name + "' is retired and accepts nothing");
        }
    }

    private GovState state() {
        return new GovState(id, AggregateLifecycle.getVersion(), draft.config().fingerprint().hex(),
                revision == 0 ? null : revision, published == null ? null : published.fingerprint().hex());
    }

    // ---- event sourcing handlers: state changes only; each entity handles the events it is about

    @EventSourcingHandler
    void on(GovCreated event) {
        id = event.gov().value();
        name = event.gov();
    }

    @EventSourcingHandler
    void on(GovConfigPublished event) {
        published = event.config();
        revision = event.revision();
    }

    /** Both records depend on the draft, the publication and the bumps, which only the gov sees together. */
    @EventSourcingHandler
    void on(ConfluenceConfirmed event, @SequenceNumber long seq) {
        held.confirmed(event, seq, this);
        provenance.confirmed(event, seq, draft.config());
    }

    /** The record keeps what the bumps and held upgrades release; {@code published} is still the one before it. */
    @EventSourcingHandler
    void on(FingerprintCutOver event, @SequenceNumber long seq) {
        provenance.cutOver(event, bumps.release(event, seq), held.release(event, seq), draft.config(), published);
    }

    @EventSourcingHandler
    void on(GovRetired event) {
        retired = true;
    }
}
