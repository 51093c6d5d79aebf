package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.CancelFingerprintBump;
import io.govlife.events.bump.CutOverFingerprint;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.citizen.CitizenName;
import io.govlife.events.citizen.CitizenRef;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.CommissionConfluence;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.citizen.DropCitizen;
import io.govlife.events.citizen.ReferenceCitizen;
import io.govlife.events.citizen.ReplaceCitizen;
import io.govlife.events.citizen.UpgradeConfluence;
import io.govlife.events.gov.CreateGov;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.GovName;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.GovState;
import io.govlife.events.gov.PublishGovConfig;
import io.govlife.events.gov.RetireGov;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import io.govlife.events.integrator.DisableIntegratorEndpoint;
import io.govlife.events.integrator.IntegratorEndpointDisabled;
import io.govlife.events.integrator.IntegratorName;
import io.govlife.events.integrator.IntegratorRegistered;
import io.govlife.events.integrator.IntegratorSecretRotated;
import io.govlife.events.integrator.IntegratorUnregistered;
import io.govlife.events.integrator.RegisterIntegrator;
import io.govlife.events.integrator.RotateIntegratorSecret;
import io.govlife.events.integrator.UnregisterIntegrator;
import io.govlife.events.operator.AddCoOperator;
import io.govlife.events.operator.CoOperatorAdded;
import io.govlife.events.operator.CoOperatorRemoved;
import io.govlife.events.operator.RemoveCoOperator;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.BasicServiceWithdrawn;
import io.govlife.events.service.ServiceRef;
import io.govlife.events.service.ShipBasicService;
import io.govlife.events.service.WithdrawBasicService;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One gov: its draft, its published GovConfig, its pending bumps. Every rule of DOMAIN.md is checked here before an
 * event is applied; the event sourcing handlers at the bottom only change state.
 * <p>
 * Snapshots are serialised with Jackson from the fields (no getters), hence the visibility settings.
 */
@Aggregate(repository = "govRepository")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Gov {

    /** The metadata key the REST layer puts the authenticated operator under. */
    static final String OPERATOR = "operator";

    @AggregateIdentifier
    private String id;
    private GovName name;
    private GovConfig draft;
    private GovConfig published;
    private long revision;
    private Set<String> staleConfluences = new TreeSet<>();
    private Map<String, PendingBump> pendingBumps = new TreeMap<>();
    private Map<String, ConfluenceConfig> heldUpgrades = new TreeMap<>();
    private Map<String, Boolean> integratorsDisabled = new TreeMap<>();
    private String owner;
    private Set<String> coOperators = new TreeSet<>();
    private boolean retired;

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

    // ---- the draft: citizens

    @CommandHandler
    public GovState handle(ReferenceCitizen command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        CitizenRef citizen = command.citizen();
        requireNameFree(citizen.name(), nameField(citizen));
        apply(new CitizenReferenced(name, citizen, draft.with(citizen).fingerprint()));
        return state();
    }

    @CommandHandler
    public GovState handle(CommissionConfluence command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        ConfluenceConfig confluence = command.confluence();
        requireNameFree(confluence.name(), "name");
        requireValidSpans(confluence);
        apply(new ConfluenceCommissioned(name, confluence, draft.with(confluence).fingerprint()));
        return state();
    }

    @CommandHandler
    public GovState handle(UpgradeConfluence command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        ConfluenceConfig upgrade = command.confluence();
        ConfluenceConfig current = requireConfluence(upgrade.name());
        requireValidSpans(upgrade);
        boolean stale = staleConfluences.contains(upgrade.name().value());
        if (upgrade.equals(current) && !stale && !heldUpgrades.containsKey(upgrade.name().value())) {
            return state(); // PUT of what the draft already holds: nothing to record
        }
        Optional<PendingBump> heldFor = bumpAwaitingUpgradeOf(upgrade.name());
        if (heldFor.isPresent() && !stale) {
            apply(new ConfluenceUpgradeHeld(name, upgrade, heldFor.get().citizen()));
        } else {
            apply(new ConfluenceUpgraded(name, upgrade, draft.with(upgrade).fingerprint()));
        }
        reviseCutoverExpectations();
        completeUnblockedCutovers();
        return state();
    }

    @CommandHandler
    public GovState handle(DropCitizen command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        CitizenName citizen = command.citizen();
        CitizenKind kind = requireCitizen(citizen);
        requireNoPendingBumpInvolving(citizen);
        apply(new CitizenDropped(name, citizen, kind, confluencesSpanning(citizen),
                draft.without(citizen).fingerprint()));
        return state();
    }

    @CommandHandler
    public GovState handle(ReplaceCitizen command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        CitizenName citizen = command.citizen();
        requireCitizen(citizen);
        requireNoPendingBumpInvolving(citizen);
        CitizenRef replacement = command.replacement();
        if (!replacement.name().equals(citizen)) {
            requireNameFree(replacement.name(), "replacement." + nameField(replacement));
        }
        apply(new CitizenReplaced(name, citizen, replacement, confluencesSpanning(citizen),
                draft.without(citizen).with(replacement).fingerprint()));
        return state();
    }

    // ---- the draft: basic services

    @CommandHandler
    public GovState handle(ShipBasicService command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        ServiceRef service = command.service();
        if (draft.service(service.service()).filter(service::equals).isPresent()) {
            return state(); // re-shipping exactly what is shipped records nothing
        }
        apply(new BasicServiceShipped(name, service, draft.with(service).fingerprint()));
        return state();
    }

    @CommandHandler
    public GovState handle(WithdrawBasicService command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        if (draft.service(command.service()).isEmpty()) {
            throw new RuleViolation(Rule.SERVICE_NOT_SHIPPED, "service",
                    command.service() + " is not shipped by gov '" + name + "'");
        }
        apply(new BasicServiceWithdrawn(name, command.service(), draft.without(command.service()).fingerprint()));
        return state();
    }

    // ---- publication

    @CommandHandler
    public GovState handle(PublishGovConfig command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        requireNoStaleConfluences();
        if (draft.namesNothing()) {
            throw new RuleViolation(Rule.DRAFT_EMPTY, "draft",
                    "the draft names no citizen and no service: there is nothing for integrators to bind to");
        }
        Fingerprint fingerprint = draft.fingerprint();
        if (published != null && fingerprint.equals(published.fingerprint())) {
            throw new RuleViolation(Rule.DRAFT_UNCHANGED, "draft",
                    "the draft's fingerprint equals revision " + revision + "'s: publishing it would change nothing");
        }
        apply(new GovConfigPublished(name, revision + 1, fingerprint, publishedFingerprint(), draft,
                command.notes(), null));
        reviseCutoverExpectations();
        return state();
    }

    // ---- fingerprint bumps

    @CommandHandler
    public GovState handle(BumpFingerprint command, Clock clock, BumpPolicy policy, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        CitizenName citizen = command.citizen();
        if (requireCitizen(citizen) == CitizenKind.CONFLUENCE) {
            throw new RuleViolation(Rule.BUMP_NOT_FOR_CONFLUENCE, "citizen",
                    "'" + citizen + "' is a confluence: a confluence changes by upgrade, not by bump");
        }
        Fingerprint current = Optional.ofNullable(published).flatMap(p -> p.fingerprintOf(citizen))
                .orElseThrow(() -> new RuleViolation(Rule.CITIZEN_NOT_PUBLISHED, "citizen",
                        "'" + citizen + "' is not in the published GovConfig yet: change the draft instead"));
        if (pendingBumps.containsKey(citizen.value())) {
            throw new RuleViolation(Rule.BUMP_ALREADY_PENDING, "citizen",
                    "'" + citizen + "' already has a pending bump: cancel it first");
        }
        if (command.fingerprint().equals(current)) {
            throw new RuleViolation(Rule.BUMP_SAME_FINGERPRINT, "fingerprint",
                    "'" + citizen + "' is already at fingerprint " + current);
        }
        Instant earliest = clock.instant().plus(policy.minimumNotice());
        if (command.cutoverAt().isBefore(earliest)) {
            throw new RuleViolation(Rule.BUMP_NOTICE_TOO_SHORT, "cutoverAt",
                    "cutover must be at least " + policy.minimumNotice() + " ahead, no earlier than " + earliest);
        }
        List<CitizenName> toUpgrade = published.confluencesSpanning(citizen).stream().filter(draft::names).toList();
        apply(new FingerprintBumpScheduled(name, citizen, current, command.fingerprint(), command.cutoverAt(),
                cutoverConfig(citizen, command.fingerprint()).fingerprint(), toUpgrade, published.fingerprint()));
        return state();
    }

    @CommandHandler
    public GovState handle(CancelFingerprintBump command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        requireCitizen(command.citizen());
        PendingBump bump = requirePendingBump(command.citizen());
        apply(new FingerprintBumpCancelled(name, bump.citizen(), bump.to(), bump.cutoverAt(),
                upgradesHeldOnlyFor(bump)));
        return state();
    }

    @CommandHandler
    public GovState handle(CutOverFingerprint command, Clock clock) {
        requireNotRetired();
        PendingBump bump = requirePendingBump(command.citizen());
        if (clock.instant().isBefore(bump.cutoverAt())) {
            throw new RuleViolation(Rule.CUTOVER_NOT_DUE, "citizen",
                    "the cutover of '" + bump.citizen() + "' is due at " + bump.cutoverAt());
        }
        if (!bump.awaiting().isEmpty()) {
            if (!bump.blocked()) {
                apply(new FingerprintCutoverBlocked(name, bump.citizen(), bump.awaiting()));
            }
            return state();
        }
        cutOver(bump);
        return state();
    }

    // ---- integrators

    @CommandHandler
    public GovState handle(RegisterIntegrator command, IntegratorDirectory directory, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        if (integratorsDisabled.containsKey(command.integrator().value())) {
            throw new RuleViolation(Rule.INTEGRATOR_NAME_TAKEN, "name",
                    "gov '" + name + "' already has an integrator '" + command.integrator() + "'");
        }
        directory.register(name, command.integrator(), command.webhookUrl(), command.secret());
        apply(new IntegratorRegistered(name, command.integrator(), command.webhookUrl()));
        return state();
    }

    @CommandHandler
    public GovState handle(RotateIntegratorSecret command, IntegratorDirectory directory, Clock clock, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        requireIntegrator(command.integrator());
        Instant previousValidUntil = clock.instant().plus(command.overlap());
        directory.rotate(name, command.integrator(), command.secret(), previousValidUntil);
        apply(new IntegratorSecretRotated(name, command.integrator(), previousValidUntil));
        return state();
    }

    @CommandHandler
    public GovState handle(UnregisterIntegrator command, IntegratorDirectory directory, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        requireIntegrator(command.integrator());
        directory.unregister(name, command.integrator());
        apply(new IntegratorUnregistered(name, command.integrator()));
        return state();
    }

    /** Comes from delivery, not from an operator: a no-op when there is nothing left to disable. */
    @CommandHandler
    public GovState handle(DisableIntegratorEndpoint command, IntegratorDirectory directory) {
        if (!retired && Boolean.FALSE.equals(integratorsDisabled.get(command.integrator().value()))) {
            directory.disable(name, command.integrator());
            apply(new IntegratorEndpointDisabled(name, command.integrator(), command.httpStatus()));
        }
        return state();
    }

    // ---- operators

    @CommandHandler
    public GovState handle(AddCoOperator command, @MetaDataValue(OPERATOR) String operator) {
        requireOwner(operator);
        requireNotRetired();
        if (command.operator().equals(owner) || coOperators.contains(command.operator())) {
            throw new RuleViolation(Rule.CO_OPERATOR_ALREADY, "operator",
                    "'" + command.operator() + "' already operates gov '" + name + "'");
        }
        apply(new CoOperatorAdded(name, command.operator()));
        return state();
    }

    @CommandHandler
    public GovState handle(RemoveCoOperator command, @MetaDataValue(OPERATOR) String operator) {
        requireOwner(operator);
        requireNotRetired();
        if (!coOperators.contains(command.operator())) {
            throw new RuleViolation(Rule.CO_OPERATOR_NOT_FOUND, "operator",
                    "'" + command.operator() + "' is not a co-operator of gov '" + name + "'");
        }
        apply(new CoOperatorRemoved(name, command.operator()));
        return state();
    }

    // ---- retirement

    @CommandHandler
    public GovState handle(RetireGov command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        apply(new GovRetired(name, revision == 0 ? null : revision, publishedFingerprint(),
                pendingBumps.values().stream().map(PendingBump::citizen).toList()));
        return state();
    }

    // ---- rules

    /** The owner and the co-operators may change the gov; nobody else. */
    private void requireAuthority(String operator) {
        if (operator == null || !(operator.equals(owner) || coOperators.contains(operator))) {
            throw new RuleViolation(Rule.NOT_AN_OPERATOR, "operator", "'" + operator
                    + "' is not an operator of gov '" + name + "': ask its owner to add you as a co-operator");
        }
    }

    private void requireOwner(String operator) {
        if (operator == null || !operator.equals(owner)) {
            throw new RuleViolation(Rule.NOT_THE_OWNER, "operator",
                    "only the owner of gov '" + name + "' adds and removes co-operators");
        }
    }

    private void requireNotRetired() {
        if (retired) {
            throw new RuleViolation(Rule.GOV_RETIRED, "gov", "gov '" + name + "' is retired and accepts nothing");
        }
    }

    private void requireIntegrator(IntegratorName integrator) {
        if (!integratorsDisabled.containsKey(integrator.value())) {
            throw new RuleViolation(Rule.INTEGRATOR_NOT_FOUND, "integrator",
                    "gov '" + name + "' has no integrator '" + integrator + "'");
        }
    }

    private void requireNameFree(CitizenName citizen, String field) {
        if (draft.names(citizen)) {
            throw new RuleViolation(Rule.CITIZEN_NAME_TAKEN, field,
                    "gov '" + name + "' already names a citizen '" + citizen + "'");
        }
    }

    private CitizenKind requireCitizen(CitizenName citizen) {
        return draft.kindOf(citizen).orElseThrow(() -> new RuleViolation(Rule.CITIZEN_NOT_FOUND, "citizen",
                "gov '" + name + "' names no citizen '" + citizen + "'"));
    }

    private ConfluenceConfig requireConfluence(CitizenName confluence) {
        CitizenKind kind = requireCitizen(confluence);
        return draft.confluence(confluence).orElseThrow(() -> new RuleViolation(Rule.NOT_A_CONFLUENCE, "name",
                "'" + confluence + "' is a " + kind.name().toLowerCase() + ", not a confluence"));
    }

    /** A confluence spans two or more distinct citizens the gov currently names, never itself. */
    private void requireValidSpans(ConfluenceConfig confluence) {
        List<CitizenName> spans = confluence.spans();
        if (spans.size() < 2) {
            throw new RuleViolation(Rule.CONFLUENCE_SPANS_TOO_FEW, "spans",
                    "a confluence spans two or more citizens, got " + spans.size());
        }
        Set<CitizenName> seen = new HashSet<>();
        for (int i = 0; i < spans.size(); i++) {
            CitizenName spanned = spans.get(i);
            String field = "spans[" + i + "]";
            if (spanned.equals(confluence.name())) {
                throw new RuleViolation(Rule.CONFLUENCE_SPANS_ITSELF, field, "a confluence cannot span itself");
            }
            if (!seen.add(spanned)) {
                throw new RuleViolation(Rule.CONFLUENCE_SPAN_REPEATED, field, "'" + spanned + "' is spanned twice");
            }
            if (!draft.names(spanned)) {
                throw new RuleViolation(Rule.CONFLUENCE_SPAN_UNKNOWN, field,
                        "gov '" + name + "' names no citizen '" + spanned + "'");
            }
        }
    }

    /** Dropping or replacing a citizen mid-bump would make the announced cutover fingerprint a lie. */
    private void requireNoPendingBumpInvolving(CitizenName citizen) {
        for (PendingBump bump : pendingBumps.values()) {
            if (bump.involves(citizen)) {
                throw new RuleViolation(Rule.BUMP_PENDING_ON_CITIZEN, "citizen",
                        "'" + citizen + "' is part of the pending bump of '" + bump.citizen()
                                + "': cancel the bump or wait for its cutover at " + bump.cutoverAt());
            }
        }
    }

    private void requireNoStaleConfluences() {
        if (!staleConfluences.isEmpty()) {
            throw new RuleViolation(Rule.STALE_CONFLUENCES, "confluences",
                    "upgrade the stale confluences before publishing: " + String.join(", ", staleConfluences));
        }
    }

    private PendingBump requirePendingBump(CitizenName citizen) {
        PendingBump bump = pendingBumps.get(citizen.value());
        if (bump == null) {
            throw new RuleViolation(Rule.BUMP_NOT_PENDING, "citizen", "'" + citizen + "' has no pending bump");
        }
        return bump;
    }

    // ---- derived values

    private static String nameField(CitizenRef citizen) {
        return citizen.citizenKind() == CitizenKind.ORGANISM ? "role" : "name";
    }

    private List<CitizenName> confluencesSpanning(CitizenName citizen) {
        return draft.confluencesSpanning(citizen).stream().filter(c -> !c.equals(citizen)).toList();
    }

    private Fingerprint publishedFingerprint() {
        return published == null ? null : published.fingerprint();
    }

    private Optional<PendingBump> bumpAwaitingUpgradeOf(CitizenName confluence) {
        return pendingBumps.values().stream()
                .filter(bump -> bump.confluencesToUpgrade().contains(confluence))
                .findFirst();
    }

    /** Held upgrades of the confluences spanning the citizen: they take effect at its cutover. */
    private List<ConfluenceConfig> heldUpgradesSpanning(CitizenName citizen) {
        return heldUpgrades.values().stream()
                .filter(upgrade -> upgrade.spans(citizen) || published.confluence(upgrade.name())
                        .map(old -> old.spans(citizen)).orElse(false))
                .toList();
    }

    private List<CitizenName> upgradesHeldOnlyFor(PendingBump cancelled) {
        return heldUpgrades.values().stream().map(ConfluenceConfig::name)
                .filter(confluence -> pendingBumps.values().stream()
                        .filter(other -> !other.equals(cancelled))
                        .noneMatch(other -> other.confluencesToUpgrade().contains(confluence)))
                .toList();
    }

    /** What a bump's cutover publishes: the last published GovConfig with the bump and its held upgrades, only. */
    private GovConfig cutoverConfig(CitizenName citizen, Fingerprint to) {
        GovConfig config = published.withFingerprint(citizen, to);
        for (ConfluenceConfig upgrade : heldUpgradesSpanning(citizen)) {
            config = config.with(upgrade);
        }
        return config;
    }

    private void reviseCutoverExpectations() {
        for (PendingBump bump : List.copyOf(pendingBumps.values())) {
            Fingerprint expected = cutoverConfig(bump.citizen(), bump.to()).fingerprint();
            if (!expected.equals(bump.expectedGovFingerprint())) {
                apply(new CutoverFingerprintRevised(name, bump.citizen(), bump.cutoverAt(),
                        bump.expectedGovFingerprint(), expected));
            }
        }
    }

    private void completeUnblockedCutovers() {
        for (PendingBump bump : List.copyOf(pendingBumps.values())) {
            PendingBump now = pendingBumps.get(bump.citizen().value());
            if (now != null && now.blocked() && now.awaiting().isEmpty()) {
                cutOver(now);
            }
        }
    }

    private void cutOver(PendingBump bump) {
        List<ConfluenceConfig> upgrades = heldUpgradesSpanning(bump.citizen());
        GovConfig toPublish = cutoverConfig(bump.citizen(), bump.to());
        GovConfig newDraft = draft.withFingerprint(bump.citizen(), bump.to());
        for (ConfluenceConfig upgrade : upgrades) {
            newDraft = newDraft.with(upgrade);
        }
        Fingerprint previous = publishedFingerprint();
        apply(new FingerprintCutOver(name, bump.citizen(), bump.from(), bump.to(), upgrades,
                newDraft.fingerprint()));
        apply(new GovConfigPublished(name, revision + 1, toPublish.fingerprint(), previous, toPublish,
                "Cutover of " + bump.citizen() + " to fingerprint " + bump.to(), bump.citizen()));
        reviseCutoverExpectations();
    }

    private GovState state() {
        return new GovState(id, AggregateLifecycle.getVersion(), draft.fingerprint().hex(),
                revision == 0 ? null : revision,
                published == null ? null : published.fingerprint().hex());
    }

    // ---- event sourcing handlers: state changes only

    @EventSourcingHandler
    void on(GovCreated event) {
        id = event.gov().value();
        owner = event.owner();
        name = event.gov();
        draft = GovConfig.empty(event.gov());
    }

    @EventSourcingHandler
    void on(CitizenReferenced event) {
        draft = draft.with(event.citizen());
    }

    @EventSourcingHandler
    void on(ConfluenceCommissioned event) {
        draft = draft.with(event.confluence());
    }

    @EventSourcingHandler
    void on(ConfluenceUpgraded event) {
        CitizenName confluence = event.confluence().name();
        draft = draft.with(event.confluence());
        staleConfluences.remove(confluence.value());
        heldUpgrades.remove(confluence.value());
        recordUpgradeForPendingBumps(confluence);
    }

    @EventSourcingHandler
    void on(ConfluenceUpgradeHeld event) {
        heldUpgrades.put(event.confluence().name().value(), event.confluence());
        recordUpgradeForPendingBumps(event.confluence().name());
    }

    private void recordUpgradeForPendingBumps(CitizenName confluence) {
        pendingBumps.replaceAll((citizen, bump) -> bump.upgradeRecorded(confluence));
    }

    @EventSourcingHandler
    void on(CitizenDropped event) {
        draft = draft.without(event.citizen());
        staleConfluences.remove(event.citizen().value());
        event.staleConfluences().forEach(c -> staleConfluences.add(c.value()));
    }

    @EventSourcingHandler
    void on(CitizenReplaced event) {
        draft = draft.without(event.citizen()).with(event.replacement());
        staleConfluences.remove(event.citizen().value());
        event.staleConfluences().forEach(c -> staleConfluences.add(c.value()));
    }

    @EventSourcingHandler
    void on(BasicServiceShipped event) {
        draft = draft.with(event.service());
    }

    @EventSourcingHandler
    void on(BasicServiceWithdrawn event) {
        draft = draft.without(event.service());
    }

    @EventSourcingHandler
    void on(GovConfigPublished event) {
        published = event.config();
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(FingerprintBumpScheduled event) {
        pendingBumps.put(event.citizen().value(), new PendingBump(event.citizen(), event.fromFingerprint(),
                event.toFingerprint(), event.cutoverAt(), event.expectedGovFingerprint(),
                event.confluencesToUpgrade(), event.confluencesToUpgrade(), false));
    }

    @EventSourcingHandler
    void on(CutoverFingerprintRevised event) {
        pendingBumps.computeIfPresent(event.citizen().value(),
                (citizen, bump) -> bump.expecting(event.expectedGovFingerprint()));
    }

    @EventSourcingHandler
    void on(FingerprintBumpCancelled event) {
        pendingBumps.remove(event.citizen().value());
        event.discardedUpgrades().forEach(c -> heldUpgrades.remove(c.value()));
    }

    @EventSourcingHandler
    void on(FingerprintCutoverBlocked event) {
        pendingBumps.computeIfPresent(event.citizen().value(), (citizen, bump) -> bump.markedBlocked());
    }

    @EventSourcingHandler
    void on(FingerprintCutOver event) {
        draft = draft.withFingerprint(event.citizen(), event.toFingerprint());
        for (ConfluenceConfig upgrade : event.upgradedConfluences()) {
            draft = draft.with(upgrade);
            heldUpgrades.remove(upgrade.name().value());
        }
        pendingBumps.remove(event.citizen().value());
    }

    @EventSourcingHandler
    void on(IntegratorRegistered event) {
        integratorsDisabled.put(event.integrator().value(), false);
    }

    @EventSourcingHandler
    void on(IntegratorUnregistered event) {
        integratorsDisabled.remove(event.integrator().value());
    }

    @EventSourcingHandler
    void on(IntegratorEndpointDisabled event) {
        integratorsDisabled.put(event.integrator().value(), true);
    }

    @EventSourcingHandler
    void on(CoOperatorAdded event) {
        coOperators.add(event.operator());
    }

    @EventSourcingHandler
    void on(CoOperatorRemoved event) {
        coOperators.remove(event.operator());
    }

    @EventSourcingHandler
    void on(GovRetired event) {
        retired = true;
        pendingBumps.clear();
        heldUpgrades.clear();
    }
}
