package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.citizen.CitizenName;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The pending fingerprint bumps and the confluence upgrades held for their cutovers. Methods that read the draft or
 * the publication take the gov as a parameter, never keeping it: a snapshot restores this entity without it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Bumps {

    private Map<String, PendingBump> pending = new TreeMap<>();
    private Map<String, HeldUpgrade> held = new TreeMap<>();

    /** What a cutover takes from the bumps into the record: when the bump was scheduled, when each upgrade held. */
    record Released(long scheduledAt, Map<String, Long> heldAt) {
    }

    void schedule(BumpFingerprint command, Clock clock, BumpPolicy policy, Gov gov) {
        CitizenName citizen = command.citizen();
        GovConfig draft = gov.draft();
        GovConfig published = gov.published();
        if (gov.requireCitizen(citizen) == CitizenKind.CONFLUENCE) {
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
        if (pending.containsKey(citizen.value())) {
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
        apply(new FingerprintBumpScheduled(gov.name(), citizen, current, command.fingerprint(), command.cutoverAt(),
                published.withFingerprint(citizen, command.fingerprint()).fingerprint(), toUpgrade,
                published.fingerprint()));
    }

    void cancel(CitizenName citizen, Gov gov) {
        PendingBump bump = require(citizen);
        apply(new FingerprintBumpCancelled(gov.name(), bump.citizen(), bump.to(), bump.cutoverAt(),
                upgradesHeldOnlyFor(bump, gov)));
        reviseCutoverExpectations(gov); // upgrades held only for it are discarded
    }

    void cutOverIfDue(CitizenName citizen, Clock clock, Gov gov) {
        PendingBump bump = require(citizen);
        if (clock.instant().isBefore(bump.cutoverAt())) {
            throw new RuleViolation(Rule.CUTOVER_NOT_DUE, "citizen",
                    "the cutover of '" + bump.citizen() + "' is due at " + bump.cutoverAt());
        }
        CutoverPlan plan = plan(bump, gov);
        if (plan.awaiting().isEmpty()) {
            cutOver(bump, plan, gov);
        } else if (!bump.blocked() || !bump.awaiting().equals(plan.awaiting())) {
            apply(new FingerprintCutoverBlocked(gov.name(), bump.citizen(), plan.awaiting()));
        }
    }

    /**
     * While a citizen the confluence spans has a bump pending, the upgrade is held for the cutover, which publishes
     * only citizens already published: an upgrade of a published confluence spanning anything else is refused rather
     * than held for a cutover that could never carry it.
     */
    void upgrade(ConfluenceConfig upgrade, Gov gov) {
        List<PendingBump> spanned = pending.values().stream()
                .filter(bump -> spans(upgrade.name(), upgrade, bump.citizen(), gov)).toList();
        if (spanned.isEmpty()) {
            apply(new ConfluenceUpgraded(gov.name(), upgrade,
                    gov.draft().with(upgrade).fingerprint()));
        } else {
            requirePublishableAtCutover(upgrade, spanned.get(0), gov.published());
            apply(new ConfluenceUpgradeHeld(gov.name(), upgrade, spanned.get(0).citizen()));
        }
    }

    /** The body an upgrade or confirmation of the confluence is compared with: the held one, if any. */
    ConfluenceConfig latestBodyOf(CitizenName confluence, ConfluenceConfig drafted) {
        HeldUpgrade upgrade = held.get(confluence.value());
        return upgrade == null ? drafted : upgrade.config();
    }

    boolean awaits(CitizenName confluence, Gov gov) {
        return pending.values().stream().anyMatch(bump -> plan(bump, gov).awaiting().contains(confluence));
    }

    List<CitizenName> pendingCitizens() {
        return pending.values().stream().map(PendingBump::citizen).toList();
    }

    /** Dropping or replacing a citizen mid-bump would make the announced cutover fingerprint a lie. */
    void requireNoneInvolving(CitizenName citizen) {
        for (PendingBump bump : pending.values()) {
            if (bump.involves(citizen)) {
                throw new RuleViolation(Rule.BUMP_PENDING_ON_CITIZEN, "citizen",
                        "'" + citizen + "' is part of the pending bump of '" + bump.citizen()
                                + "': cancel the bump or wait for its cutover at " + bump.cutoverAt());
            }
        }
    }

    /** A held upgrade of a published confluence enters the cutover's GovConfig, so it may span only what that names. */
    private static void requirePublishableAtCutover(ConfluenceConfig upgrade, PendingBump bump, GovConfig published) {
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

    private PendingBump require(CitizenName citizen) {
        PendingBump bump = pending.get(citizen.value());
        if (bump == null) {
            throw new RuleViolation(Rule.BUMP_NOT_PENDING, "citizen", "'" + citizen + "' has no pending bump");
        }
        return bump;
    }

    /** Whether the confluence spans the citizen, as drafted, published or in the given body. */
    private static boolean spans(CitizenName confluence, ConfluenceConfig body, CitizenName citizen, Gov gov) {
        GovConfig published = gov.published();
        return body.spans(citizen)
                || gov.draft().confluence(confluence).map(c -> c.spans(citizen)).orElse(false)
                || published != null && published.confluence(confluence).map(c -> c.spans(citizen)).orElse(false);
    }

    private CutoverPlan plan(PendingBump bump, Gov gov) {
        return CutoverPlan.of(bump, gov.published(), gov.provenance(), held.values(),
                upgrade -> spans(upgrade.name(), upgrade, bump.citizen(), gov));
    }

    private List<CitizenName> upgradesHeldOnlyFor(PendingBump cancelled, Gov gov) {
        return held.values().stream()
                .filter(upgrade -> pending.values().stream().filter(other -> !other.equals(cancelled))
                        .noneMatch(other -> upgrade.recordedAt() > other.scheduledAt()
                                && spans(upgrade.config().name(), upgrade.config(), other.citizen(), gov)))
                .map(upgrade -> upgrade.config().name())
                .toList();
    }

    /** Tells integrators (rule 4) what each pending cutover would publish, whenever that changed. */
    void reviseCutoverExpectations(Gov gov) {
        for (PendingBump bump : List.copyOf(pending.values())) {
            Fingerprint expected = plan(bump, gov).config().fingerprint();
            if (!expected.equals(bump.expectedGovFingerprint())) {
                apply(new CutoverFingerprintRevised(gov.name(), bump.citizen(), bump.cutoverAt(),
                        bump.expectedGovFingerprint(), expected));
            }
        }
    }

    void completeUnblockedCutovers(Gov gov) {
        for (PendingBump bump : List.copyOf(pending.values())) {
            PendingBump now = pending.get(bump.citizen().value());
            if (now != null && now.blocked()) {
                CutoverPlan plan = plan(now, gov);
                if (plan.awaiting().isEmpty()) {
                    cutOver(now, plan, gov);
                }
            }
        }
    }

    private void cutOver(PendingBump bump, CutoverPlan plan, Gov gov) {
        GovConfig newDraft = gov.draft().withFingerprint(bump.citizen(), bump.to());
        Map<String, Long> heldAt = new TreeMap<>();
        for (ConfluenceConfig upgrade : plan.applied()) {
            if (Draft.fits(newDraft, upgrade)) {
                newDraft = newDraft.with(upgrade);
                heldAt.put(upgrade.name().value(), held.get(upgrade.name().value()).recordedAt());
            }
        }
        GovConfig previous = gov.published();
        // read models learn from it which draft confluences the cutover left stale (rule 6)
        apply(new FingerprintCutOver(gov.name(), bump.citizen(), bump.from(), bump.to(), plan.applied(),
                newDraft.fingerprint(), gov.provenance().staleAfterCutover(newDraft, bump.citizen(),
                bump.scheduledAt(), heldAt)));
        apply(new GovConfigPublished(gov.name(), gov.revision() + 1, plan.config().fingerprint(),
                previous == null ? null : previous.fingerprint(), plan.config(),
                "Cutover of " + bump.citizen() + " to fingerprint " + bump.to(), bump.citizen()));
        reviseCutoverExpectations(gov);
    }

    // ---- event sourcing handlers: state changes only

    @EventSourcingHandler
    void on(ConfluenceUpgraded event) {
        held.remove(event.confluence().name().value());
    }

    @EventSourcingHandler
    void on(ConfluenceUpgradeHeld event, @SequenceNumber long seq) {
        held.put(event.confluence().name().value(), new HeldUpgrade(event.confluence(), seq));
    }

    /** Called by the gov, which knows the draft: counts as recorded now for the pending bumps it spans. */
    void confirmed(ConfluenceConfirmed event, long seq, Gov gov) {
        ConfluenceConfig body = event.confluence();
        if (held.containsKey(body.name().value())
                || pending.values().stream().anyMatch(bump -> spans(body.name(), body, bump.citizen(), gov))) {
            held.put(body.name().value(), new HeldUpgrade(body, seq));
        }
    }

    @EventSourcingHandler
    void on(CitizenDropped event) {
        held.remove(event.citizen().value());
    }

    @EventSourcingHandler
    void on(CitizenReplaced event) {
        held.remove(event.citizen().value());
    }

    @EventSourcingHandler
    void on(FingerprintBumpScheduled event, @SequenceNumber long seq) {
        pending.put(event.citizen().value(), new PendingBump(event.citizen(), event.fromFingerprint(),
                event.toFingerprint(), event.cutoverAt(), event.expectedGovFingerprint(),
                event.confluencesToUpgrade(), List.of(), false, seq));
    }

    @EventSourcingHandler
    void on(CutoverFingerprintRevised event) {
        pending.computeIfPresent(event.citizen().value(), (c, bump) -> bump.expecting(event.expectedGovFingerprint()));
    }

    @EventSourcingHandler
    void on(FingerprintBumpCancelled event) {
        pending.remove(event.citizen().value());
        event.discardedUpgrades().forEach(c -> held.remove(c.value()));
    }

    @EventSourcingHandler
    void on(FingerprintCutoverBlocked event) {
        pending.computeIfPresent(event.citizen().value(), (c, bump) -> bump.markedBlocked(event.awaitingConfluences()));
    }

    /** Called by the gov, which hands what is released here to the record of when things were recorded. */
    Released cutOver(FingerprintCutOver event, long seq) {
        PendingBump bump = pending.remove(event.citizen().value());
        Map<String, Long> heldAt = new TreeMap<>();
        for (ConfluenceConfig upgrade : event.upgradedConfluences()) {
            HeldUpgrade upgraded = held.remove(upgrade.name().value());
            heldAt.put(upgrade.name().value(), upgraded == null ? seq : upgraded.recordedAt());
        }
        return new Released(bump == null ? seq : bump.scheduledAt(), heldAt);
    }

    @EventSourcingHandler
    void on(GovRetired event) {
        pending.clear();
        held.clear();
    }
}
