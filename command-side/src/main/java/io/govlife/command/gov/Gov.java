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
import io.govlife.events.citizen.ConfirmConfluence;
import io.govlife.events.citizen.ConfluenceConfirmed;
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
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One gov: its draft, its published GovConfig, its pending bumps. Every rule of DOMAIN.md is checked here before an
 * event is applied; the event sourcing handlers at the bottom only change state.
 * <p>
 * Snapshots are serialised with Jackson from the fields (no getters), hence the visibility settings.
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
    public static final String SNAPSHOT_REVISION = "2";

    /** The metadata key the REST layer puts the authenticated operator under. */
    static final String OPERATOR = "operator";

    @AggregateIdentifier
    private String id;
    private GovName name;
    private GovConfig draft;
    private GovConfig published;
    private long revision;
    private Map<String, PendingBump> pendingBumps = new TreeMap<>();
    private Map<String, HeldUpgrade> heldUpgrades = new TreeMap<>();
    /** Per draft citizen: the sequence number of the event that gave it its current reference. */
    private Map<String, Long> madeAt = new TreeMap<>();
    /** Per draft confluence: the sequence number of the event that recorded its current body. */
    private Map<String, Long> recordedAt = new TreeMap<>();
    /** The same two, for the published GovConfig. */
    private Map<String, Long> publishedMadeAt = new TreeMap<>();
    private Map<String, Long> publishedRecordedAt = new TreeMap<>();
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

    /**
     * An upgrade whose body equals the confluence's latest (held or drafted) is no upgrade: it records and clears
     * nothing. While a citizen the confluence spans has a bump pending, the upgrade is held for the cutover, which
     * publishes only citizens already published: an upgrade of a published confluence spanning anything else is
     * refused rather than held for a cutover that could never carry it.
     */
    @CommandHandler
    public GovState handle(UpgradeConfluence command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        ConfluenceConfig upgrade = command.confluence();
        ConfluenceConfig current = requireConfluence(upgrade.name());
        requireValidSpans(upgrade);
        if (upgrade.equals(latestBodyOf(upgrade.name(), current))) {
            return state();
        }
        List<PendingBump> spanned = bumpsSpannedBy(upgrade.name(), upgrade);
        if (spanned.isEmpty()) {
            apply(new ConfluenceUpgraded(name, upgrade, draft.with(upgrade).fingerprint()));
        } else {
            requirePublishableAtCutover(upgrade, spanned.get(0));
            apply(new ConfluenceUpgradeHeld(name, upgrade, spanned.get(0).citizen()));
        }
        reviseCutoverExpectations();
        completeUnblockedCutovers();
        return state();
    }

    /**
     * The confluence's operator confirms it unchanged after what it spans changed: it then counts as recorded after
     * that change (a replacement, a scheduled bump). Only when something did change under it, and only if everything
     * it spans is still named: a confluence spanning a dropped citizen needs an upgrade.
     */
    @CommandHandler
    public GovState handle(ConfirmConfluence command, @MetaDataValue(OPERATOR) String operator) {
        requireAuthority(operator);
        requireNotRetired();
        ConfluenceConfig current = requireConfluence(command.confluence());
        ConfluenceConfig body = latestBodyOf(command.confluence(), current);
        for (int i = 0; i < body.spans().size(); i++) {
            if (!draft.names(body.spans().get(i))) {
                throw new RuleViolation(Rule.CONFLUENCE_SPANS_MISSING, "spans[" + i + "]", "'" + command.confluence()
                        + "' spans '" + body.spans().get(i) + "', which the draft no longer names: upgrade it instead");
            }
        }
        boolean stale = staleConfluences().contains(command.confluence().value());
        boolean awaited = pendingBumps.values().stream()
                .anyMatch(bump -> plan(bump).awaiting().contains(command.confluence()));
        if (!stale && !awaited) {
            throw new RuleViolation(Rule.CONFLUENCE_NOT_STALE, "name", "nothing '" + command.confluence()
                    + "' spans has changed since it was recorded: there is nothing to confirm");
        }
        apply(new ConfluenceConfirmed(name, body, draft.fingerprint()));
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
        reviseCutoverExpectations(); // a dropped confluence's held upgrade no longer goes out with a cutover
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
        reviseCutoverExpectations();
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
        completeUnblockedCutovers();
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
        if (!draft.reference(citizen).equals(published.reference(citizen))) {
            // the cutover publishes the published citizen, bumped: a different draft reference would be lost at it
            throw new RuleViolation(Rule.CITIZEN_CHANGED_IN_DRAFT, "citizen", "'" + citizen + "' differs in the "
                    + "draft from its published reference: publish or revert that change before scheduling a bump");
        }
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
        // nothing is recorded after the bump yet: its cutover would publish just the bumped fingerprint
        apply(new FingerprintBumpScheduled(name, citizen, current, command.fingerprint(), command.cutoverAt(),
                published.withFingerprint(citizen, command.fingerprint()).fingerprint(), toUpgrade,
                published.fingerprint()));
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
        reviseCutoverExpectations(); // upgrades held only for it are discarded
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
        CutoverPlan plan = plan(bump);
        if (!plan.awaiting().isEmpty()) {
            if (!bump.blocked() || !bump.awaiting().equals(plan.awaiting())) {
                apply(new FingerprintCutoverBlocked(name, bump.citizen(), plan.awaiting()));
            }
            return state();
        }
        cutOver(bump, plan);
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
        List<String> stale = staleConfluences();
        if (!stale.isEmpty()) {
            throw new RuleViolation(Rule.STALE_CONFLUENCES, "confluences", "upgrade or confirm the stale "
                    + "confluences before publishing: " + String.join(", ", stale));
        }
    }

    /** A held upgrade of a published confluence enters the cutover's GovConfig, so it may span only what that names. */
    private void requirePublishableAtCutover(ConfluenceConfig upgrade, PendingBump bump) {
        if (published == null || published.confluence(upgrade.name()).isEmpty()) {
            return; // a draft-only confluence: the cutover updates it in the draft only
        }
        for (int i = 0; i < upgrade.spans().size(); i++) {
            CitizenName spanned = upgrade.spans().get(i);
            if (!published.names(spanned)) {
                throw new RuleViolation(Rule.UPGRADE_SPANS_UNPUBLISHED, "spans[" + i + "]", "the upgrade is held for "
                        + "the cutover of '" + bump.citizen() + "', which publishes only what is published now, and '"
                        + spanned + "' is not: publish it first, or upgrade after the cutover");
            }
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

    /**
     * Draft confluences integrators could not trust as published: one spanning a citizen the draft no longer names,
     * or a lattice or organism whose reference was made (referenced, replaced, bumped) after the confluence's body
     * was recorded. Computed, never stored, so every way of changing the draft is covered by the same rule.
     */
    List<String> staleConfluences() {
        return staleConfluences(draft, madeAt, recordedAt);
    }

    private static List<String> staleConfluences(GovConfig draft, Map<String, Long> madeAt,
                                                 Map<String, Long> recordedAt) {
        List<String> stale = new ArrayList<>();
        for (ConfluenceConfig confluence : draft.confluences()) {
            long recorded = recordedAt.getOrDefault(confluence.name().value(), Long.MIN_VALUE);
            boolean outdated = confluence.spans().stream().anyMatch(spanned -> !draft.names(spanned)
                    || draft.kindOf(spanned).orElseThrow() != CitizenKind.CONFLUENCE
                    && madeAt.getOrDefault(spanned.value(), Long.MIN_VALUE) > recorded);
            if (outdated) {
                stale.add(confluence.name().value());
            }
        }
        return stale;
    }

    private ConfluenceConfig latestBodyOf(CitizenName confluence, ConfluenceConfig drafted) {
        HeldUpgrade held = heldUpgrades.get(confluence.value());
        return held == null ? drafted : held.config();
    }

    /** Pending bumps of citizens the confluence spans, as drafted, published or upgraded. */
    private List<PendingBump> bumpsSpannedBy(CitizenName confluence, ConfluenceConfig upgrade) {
        return pendingBumps.values().stream().filter(bump -> spans(confluence, upgrade, bump.citizen())).toList();
    }

    private boolean spans(CitizenName confluence, ConfluenceConfig body, CitizenName citizen) {
        return body.spans(citizen)
                || draft.confluence(confluence).map(c -> c.spans(citizen)).orElse(false)
                || published != null && published.confluence(confluence).map(c -> c.spans(citizen)).orElse(false);
    }

    /**
     * What the bump's cutover would publish now: the published GovConfig, the bumped fingerprint, and each upgrade
     * recorded since the bump was scheduled for a confluence spanning the bumped citizen (one upgrade counts for
     * every bump scheduled before it). A confluence of that GovConfig spanning the citizen with nothing recorded
     * since the bump was scheduled blocks it.
     */
    private CutoverPlan plan(PendingBump bump) {
        GovConfig config = published.withFingerprint(bump.citizen(), bump.to());
        Map<String, Long> made = new TreeMap<>(publishedMadeAt);
        made.put(bump.citizen().value(), bump.scheduledAt());
        Map<String, Long> recorded = new TreeMap<>(publishedRecordedAt);
        List<ConfluenceConfig> applied = new ArrayList<>();
        for (HeldUpgrade held : heldUpgrades.values()) {
            ConfluenceConfig upgrade = held.config();
            if (held.recordedAt() <= bump.scheduledAt() || !spans(upgrade.name(), upgrade, bump.citizen())) {
                continue;
            }
            if (config.confluence(upgrade.name()).isEmpty()) {
                applied.add(upgrade); // draft-only: the cutover updates it in the draft
            } else if (upgrade.spans().stream().allMatch(config::names)
                    && upgrade.spans().stream().allMatch(spanned -> made.getOrDefault(spanned.value(), Long.MIN_VALUE)
                    < held.recordedAt())) {
                // held before another citizen it spans changed, it would pair that change with an old confluence
                config = config.with(upgrade);
                recorded.put(upgrade.name().value(), held.recordedAt());
                applied.add(upgrade);
            }
        }
        List<CitizenName> awaiting = config.confluencesSpanning(bump.citizen()).stream()
                .filter(c -> recorded.getOrDefault(c.value(), Long.MIN_VALUE) <= bump.scheduledAt())
                .toList();
        return new CutoverPlan(config, applied, awaiting);
    }

    private List<CitizenName> upgradesHeldOnlyFor(PendingBump cancelled) {
        return heldUpgrades.values().stream()
                .filter(held -> pendingBumps.values().stream().filter(other -> !other.equals(cancelled))
                        .noneMatch(other -> held.recordedAt() > other.scheduledAt()
                                && spans(held.config().name(), held.config(), other.citizen())))
                .map(held -> held.config().name())
                .toList();
    }

    private void reviseCutoverExpectations() {
        for (PendingBump bump : List.copyOf(pendingBumps.values())) {
            Fingerprint expected = plan(bump).config().fingerprint();
            if (!expected.equals(bump.expectedGovFingerprint())) {
                apply(new CutoverFingerprintRevised(name, bump.citizen(), bump.cutoverAt(),
                        bump.expectedGovFingerprint(), expected));
            }
        }
    }

    private void completeUnblockedCutovers() {
        for (PendingBump bump : List.copyOf(pendingBumps.values())) {
            PendingBump now = pendingBumps.get(bump.citizen().value());
            if (now != null && now.blocked()) {
                CutoverPlan plan = plan(now);
                if (plan.awaiting().isEmpty()) {
                    cutOver(now, plan);
                }
            }
        }
    }

    private void cutOver(PendingBump bump, CutoverPlan plan) {
        GovConfig newDraft = draft.withFingerprint(bump.citizen(), bump.to());
        Map<String, Long> made = new TreeMap<>(madeAt);
        made.put(bump.citizen().value(), bump.scheduledAt());
        Map<String, Long> recorded = new TreeMap<>(recordedAt);
        for (ConfluenceConfig upgrade : plan.applied()) {
            if (newDraft.names(upgrade.name()) && upgrade.spans().stream().allMatch(newDraft::names)) {
                newDraft = newDraft.with(upgrade);
                recorded.put(upgrade.name().value(), heldUpgrades.get(upgrade.name().value()).recordedAt());
            }
        }
        Fingerprint previous = publishedFingerprint();
        // read models learn from it which draft confluences the cutover left stale (rule 6)
        apply(new FingerprintCutOver(name, bump.citizen(), bump.from(), bump.to(), plan.applied(),
                newDraft.fingerprint(), staleConfluences(newDraft, made, recorded).stream().map(CitizenName::of)
                .toList()));
        apply(new GovConfigPublished(name, revision + 1, plan.config().fingerprint(), previous, plan.config(),
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
    void on(CitizenReferenced event, @SequenceNumber long seq) {
        draft = draft.with(event.citizen());
        madeAt.put(event.citizen().name().value(), seq);
    }

    @EventSourcingHandler
    void on(ConfluenceCommissioned event, @SequenceNumber long seq) {
        draft = draft.with(event.confluence());
        recordedAt.put(event.confluence().name().value(), seq);
    }

    @EventSourcingHandler
    void on(ConfluenceUpgraded event, @SequenceNumber long seq) {
        draft = draft.with(event.confluence());
        recordedAt.put(event.confluence().name().value(), seq);
        heldUpgrades.remove(event.confluence().name().value());
    }

    @EventSourcingHandler
    void on(ConfluenceUpgradeHeld event, @SequenceNumber long seq) {
        heldUpgrades.put(event.confluence().name().value(), new HeldUpgrade(event.confluence(), seq));
    }

    /** Counts as recorded now: in the draft if that is the body confirmed, and for the pending bumps it spans. */
    @EventSourcingHandler
    void on(ConfluenceConfirmed event, @SequenceNumber long seq) {
        String confluence = event.confluence().name().value();
        if (heldUpgrades.containsKey(confluence) || !bumpsSpannedBy(event.confluence().name(), event.confluence())
                .isEmpty()) {
            heldUpgrades.put(confluence, new HeldUpgrade(event.confluence(), seq));
        }
        if (draft.confluence(event.confluence().name()).filter(event.confluence()::equals).isPresent()) {
            recordedAt.put(confluence, seq);
        }
    }

    @EventSourcingHandler
    void on(CitizenDropped event) {
        draft = draft.without(event.citizen());
        forget(event.citizen());
    }

    @EventSourcingHandler
    void on(CitizenReplaced event, @SequenceNumber long seq) {
        forget(event.citizen());
        draft = draft.without(event.citizen()).with(event.replacement());
        madeAt.put(event.replacement().name().value(), seq);
    }

    private void forget(CitizenName citizen) {
        madeAt.remove(citizen.value());
        recordedAt.remove(citizen.value());
        heldUpgrades.remove(citizen.value());
    }

    @EventSourcingHandler
    void on(BasicServiceShipped event) {
        draft = draft.with(event.service());
    }

    @EventSourcingHandler
    void on(BasicServiceWithdrawn event) {
        draft = draft.without(event.service());
    }

    /**
     * An operator publishes the draft, with the draft's record of each confluence; a cutover keeps the published
     * record, with its held upgrades' (set when the cutover was applied).
     */
    @EventSourcingHandler
    void on(GovConfigPublished event) {
        published = event.config();
        revision = event.revision();
        Set<String> confluences = new HashSet<>();
        event.config().confluences().forEach(c -> confluences.add(c.name().value()));
        if (event.cutoverOf() == null) {
            publishedRecordedAt = new TreeMap<>(recordedAt);
            publishedMadeAt = new TreeMap<>(madeAt);
        }
        publishedRecordedAt.keySet().retainAll(confluences);
    }

    @EventSourcingHandler
    void on(FingerprintBumpScheduled event, @SequenceNumber long seq) {
        pendingBumps.put(event.citizen().value(), new PendingBump(event.citizen(), event.fromFingerprint(),
                event.toFingerprint(), event.cutoverAt(), event.expectedGovFingerprint(),
                event.confluencesToUpgrade(), List.of(), false, seq));
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
        pendingBumps.computeIfPresent(event.citizen().value(),
                (citizen, bump) -> bump.markedBlocked(event.awaitingConfluences()));
    }

    /**
     * The bumped citizen's reference counts as made when the bump was scheduled; each upgrade the cutover carries
     * keeps the record of when it was held, in the draft (where it fits) and in the published GovConfig.
     */
    @EventSourcingHandler
    void on(FingerprintCutOver event, @SequenceNumber long seq) {
        PendingBump bump = pendingBumps.remove(event.citizen().value());
        draft = draft.withFingerprint(event.citizen(), event.toFingerprint());
        madeAt.put(event.citizen().value(), bump == null ? seq : bump.scheduledAt());
        publishedMadeAt.put(event.citizen().value(), bump == null ? seq : bump.scheduledAt());
        for (ConfluenceConfig upgrade : event.upgradedConfluences()) {
            HeldUpgrade held = heldUpgrades.remove(upgrade.name().value());
            long recorded = held == null ? seq : held.recordedAt();
            if (draft.names(upgrade.name()) && upgrade.spans().stream().allMatch(draft::names)) {
                draft = draft.with(upgrade);
                recordedAt.put(upgrade.name().value(), recorded);
            }
            if (published != null && published.confluence(upgrade.name()).isPresent()) {
                publishedRecordedAt.put(upgrade.name().value(), recorded);
            }
        }
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
