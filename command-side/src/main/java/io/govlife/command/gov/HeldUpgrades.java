package io.govlife.command.gov;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfluenceConfig;
import io.govlife.events.citizen.ConfluenceConfirmed;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.gov.Rule;
import io.govlife.events.gov.RuleViolation;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The confluence upgrades (and confirmations) held for pending bumps' cutovers. Methods that read the draft, the
 * publication or the bumps take the gov as a parameter, never keeping it: a snapshot restores this entity without it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class HeldUpgrades {

    private TreeMap<String, HeldUpgrade> held = new TreeMap<>();

    /**
     * An upgrade whose body equals the confluence's latest (held or drafted) is no upgrade: it records and clears
     * nothing. While a citizen the confluence spans has a bump pending, the upgrade is held for the cutover, which
     * publishes only citizens already published: an upgrade of a published confluence spanning anything else is
     * refused rather than held for a cutover that could never carry it.
     */
    void upgrade(ConfluenceConfig upgrade, Gov gov) {
        ConfluenceConfig current = gov.draft.requireConfluence(upgrade.name(), gov.name);
        gov.draft.requireValidSpans(upgrade, gov.name);
        if (upgrade.equals(latestBodyOf(upgrade.name(), current))) {
            return;
        }
        List<PendingBump> spanned = gov.bumps.spannedBy(upgrade, gov);
        if (spanned.isEmpty()) {
            apply(new ConfluenceUpgraded(gov.name, upgrade, gov.draft.config().with(upgrade).fingerprint()));
        } else {
            requirePublishableAtCutover(upgrade, spanned.get(0), gov.published);
            apply(new ConfluenceUpgradeHeld(gov.name, upgrade, spanned.get(0).citizen()));
        }
        gov.bumps.afterRecording(gov);
    }

    /** A held upgrade of a published confluence enters the cutover's GovConfig, so it may span only what that names. */
    private static void requirePublishableAtCutover(ConfluenceConfig upgrade, PendingBump bump, GovConfig published) {
        if (published == null || published.confluence(upgrade.name()).isEmpty()) {
            return; // a draft-only confluence: the cutover updates it in the draft only
        }
        for (int i = 0; i < upgrade.spans().size(); i++) {
            Name spanned = upgrade.spans().get(i);
            if (!published.names(spanned)) {
                throw new RuleViolation(Rule.UPGRADE_SPANS_UNPUBLISHED, "spans[" + i + "]", "the upgrade is held for "
                        + "the cutover of '" + bump.citizen() + "', which publishes only what is published now, and '"
                        + spanned + "' is not: publish it first, or upgrade after the cutover");
            }
        }
    }

    /** The body an upgrade or confirmation of the confluence is compared with: the held one, if any. */
    ConfluenceConfig latestBodyOf(Name confluence, ConfluenceConfig drafted) {
        HeldUpgrade upgrade = held.get(confluence.value());
        return upgrade == null ? drafted : upgrade.config();
    }

    Collection<HeldUpgrade> all() {
        return held.values();
    }

    long recordedAt(Name confluence) {
        return held.get(confluence.value()).recordedAt();
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

    /** Called by the gov, which knows the bumps: counts as recorded now for the pending bumps it spans. */
    void confirmed(ConfluenceConfirmed event, long seq, Gov gov) {
        ConfluenceConfig body = event.confluence();
        if (held.containsKey(body.name().value()) || !gov.bumps.spannedBy(body, gov).isEmpty()) {
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
    void on(FingerprintBumpCancelled event) {
        event.discardedUpgrades().forEach(c -> held.remove(c.value()));
    }

    /** Called by the gov, which hands when each carried upgrade was held to the record ({@link Provenance}). */
    Map<String, Long> release(FingerprintCutOver event, long seq) {
        Map<String, Long> heldAt = new TreeMap<>();
        for (ConfluenceConfig upgrade : event.upgradedConfluences()) {
            HeldUpgrade upgraded = held.remove(upgrade.name().value());
            heldAt.put(upgrade.name().value(), upgraded == null ? seq : upgraded.recordedAt());
        }
        return heldAt;
    }

    @EventSourcingHandler
    void on(GovRetired event) {
        held.clear();
    }
}
