package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.BumpFingerprint;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenKind;
import io.govlife.events.Name;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.gov.Fingerprint;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The pending fingerprint bumps and what each one's cutover would publish. Methods that read the draft, the
 * publication or the held upgrades take the gov as a parameter, never keeping it: a snapshot restores this entity
 * without it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Bumps {

    private TreeMap<String, PendingBump> pending = new TreeMap<>();

    /**
     * {@code kind}: the citizen's, found in the draft first (an unknown citizen is refused before anything else).
     * The gov does not dictate the citizen's cadence: a cutover inside the minimum notice is taken, flagged short
     * notice; one already past is a catch-up, carried out at once (or blocked, as any cutover, by the confluences it
     * awaits: publishing the bumped citizen beside an un-upgraded confluence is the ConnectTimeout the gov prevents).
     */
    FingerprintBumpScheduled schedule(BumpFingerprint command, CitizenKind kind, Clock clock, BumpPolicy policy, Gov gov) {
        Name citizen = command.citizen();
        GovConfig draft = gov.draft.config();
        GovConfig published = gov.published;
        if (kind == CitizenKind.CONFLUENCE) {
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
        Instant now = clock.instant();
        Duration lateBy = command.cutoverAt().isAfter(now) ? null : Duration.between(command.cutoverAt(), now);
        boolean shortNotice = lateBy == null && command.cutoverAt().isBefore(now.plus(policy.minimumNotice()));
        List<Name> toUpgrade = published.confluencesSpanning(citizen).stream().filter(draft::names).toList();
        // nothing is recorded after the bump yet: its cutover would publish just the bumped fingerprint
        FingerprintBumpScheduled scheduled = new FingerprintBumpScheduled(gov.name, citizen, current,
                command.fingerprint(), command.cutoverAt(),
                published.withFingerprint(citizen, command.fingerprint()).fingerprint(), toUpgrade,
                published.fingerprint(), shortNotice, lateBy);
        apply(scheduled);
        if (lateBy != null) {
            cutOverIfDue(citizen, clock, gov);
        }
        return scheduled;
    }

    void cancel(Name citizen, Gov gov) {
        gov.draft.requireCitizen(citizen, gov.name);
        PendingBump bump = require(citizen);
        apply(new FingerprintBumpCancelled(gov.name, bump.citizen(), bump.to(), bump.cutoverAt(),
                upgradesHeldOnlyFor(bump, gov)));
        reviseCutoverExpectations(gov); // upgrades held only for it are discarded
    }

    void cutOverIfDue(Name citizen, Clock clock, Gov gov) {
        PendingBump bump = require(citizen);
        if (clock.instant().isBefore(bump.cutoverAt())) {
            throw new RuleViolation(Rule.CUTOVER_NOT_DUE, "citizen",
                    "the cutover of '" + bump.citizen() + "' is due at " + bump.cutoverAt());
        }
        CutoverPlan plan = plan(bump, gov);
        if (plan.awaiting().isEmpty()) {
            cutOver(bump, plan, gov);
        } else if (!bump.blocked() || !bump.awaiting().equals(plan.awaiting())) {
            apply(new FingerprintCutoverBlocked(gov.name, bump.citizen(), plan.awaiting()));
        }
    }

    /** Pending bumps of citizens the confluence spans, as drafted, published or in the given body. */
    List<PendingBump> spannedBy(ConfluenceConfig body, Gov gov) {
        return pending.values().stream().filter(bump -> spans(body.name(), body, bump.citizen(), gov)).toList();
    }

    boolean awaits(Name confluence, Gov gov) {
        return pending.values().stream().anyMatch(bump -> plan(bump, gov).awaiting().contains(confluence));
    }

    List<Name> pendingCitizens() {
        return pending.values().stream().map(PendingBump::citizen).toList();
    }

    /** Dropping or replacing a citizen mid-bump would make the announced cutover fingerprint a lie. */
    void requireNoneInvolving(Name citizen) {
        for (PendingBump bump : pending.values()) {
            if (bump.involves(citizen)) {
                throw new RuleViolation(Rule.BUMP_PENDING_ON_CITIZEN, "citizen",
                        "'" + citizen + "' is part of the pending bump of '" + bump.citizen()
                                + "': cancel the bump or wait for its cutover at " + bump.cutoverAt());
            }
        }
    }

    private PendingBump require(Name citizen) {
        PendingBump bump = pending.get(citizen.value());
        if (bump == null) {
            throw new RuleViolation(Rule.BUMP_NOT_PENDING, "citizen", "'" + citizen + "' has no pending bump");
        }
        return bump;
    }

    /** Whether the confluence spans the citizen, as drafted, published or in the given body. */
    private static boolean spans(Name confluence, ConfluenceConfig body, Name citizen, Gov gov) {
        GovConfig published = gov.published;
        return body.spans(citizen)
                || gov.draft.config().confluence(confluence).map(c -> c.spans(citizen)).orElse(false)
                || published != null && published.confluence(confluence).map(c -> c.spans(citizen)).orElse(false);
    }

    private CutoverPlan plan(PendingBump bump, Gov gov) {
        return CutoverPlan.of(bump, gov.published, gov.provenance, gov.held.all(),
                upgrade -> spans(upgrade.name(), upgrade, bump.citizen(), gov));
    }

    private List<Name> upgradesHeldOnlyFor(PendingBump cancelled, Gov gov) {
        return gov.held.all().stream()
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
                apply(new CutoverFingerprintRevised(gov.name, bump.citizen(), bump.cutoverAt(),
                        bump.expectedGovFingerprint(), expected));
            }
        }
    }

    /** After a confluence was recorded or the draft published: what the pending cutovers publish may have changed. */
    void afterRecording(Gov gov) {
        reviseCutoverExpectations(gov);
        completeUnblockedCutovers(gov);
    }

    private void completeUnblockedCutovers(Gov gov) {
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
        GovConfig newDraft = gov.draft.config().withFingerprint(bump.citizen(), bump.to());
        Map<String, Long> heldAt = new TreeMap<>();
        for (ConfluenceConfig upgrade : plan.applied()) {
            if (Draft.fits(newDraft, upgrade)) {
                newDraft = newDraft.with(upgrade);
                heldAt.put(upgrade.name().value(), gov.held.recordedAt(upgrade.name()));
            }
        }
        GovConfig previous = gov.published;
        // read models learn from it which draft confluences the cutover left stale (rule 6)
        apply(new FingerprintCutOver(gov.name, bump.citizen(), bump.from(), bump.to(), plan.applied(),
                newDraft.fingerprint(), gov.provenance.staleAfterCutover(newDraft, bump.citizen(),
                bump.scheduledAt(), heldAt)));
        apply(new GovConfigPublished(gov.name, gov.revision + 1, plan.config().fingerprint(),
                previous == null ? null : previous.fingerprint(), plan.config(),
                "Cutover of " + bump.citizen() + " to fingerprint " + bump.to(), bump.citizen()));
        reviseCutoverExpectations(gov);
    }

    // ---- event sourcing handlers: state changes only

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
    }

    @EventSourcingHandler
    void on(FingerprintCutoverBlocked event) {
        pending.computeIfPresent(event.citizen().value(), (c, bump) -> bump.markedBlocked(event.awaitingConfluences()));
    }

    /** Called by the gov: the bumped citizen's reference counts as made when its bump was scheduled. */
    long release(FingerprintCutOver event, long seq) {
        PendingBump bump = pending.remove(event.citizen().value());
        return bump == null ? seq : bump.scheduledAt();
    }

    @EventSourcingHandler
    void on(GovRetired event) {
        pending.clear();
    }
}
