package io.govlife.query.audit;

import io.govlife.events.StoredEventTypes;
import io.govlife.events.bump.CutoverFingerprintRevised;
import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.citizen.CitizenDropped;
import io.govlife.events.Name;
import io.govlife.events.citizen.CitizenReferenced;
import io.govlife.events.citizen.CitizenReplaced;
import io.govlife.events.citizen.ConfluenceCommissioned;
import io.govlife.events.citizen.ConfluenceUpgradeHeld;
import io.govlife.events.citizen.ConfluenceUpgraded;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovCreated;
import io.govlife.events.gov.GovEvent;
import io.govlife.events.gov.GovRetired;
import io.govlife.events.service.BasicServiceShipped;
import io.govlife.events.service.BasicServiceWithdrawn;

import java.util.Optional;

/** How each gov event reads to an auditor: its type, the citizen it concerns and one line of what happened. */
final class EventStories {

    private static final String NAMESPACE = "govlife.";

    private EventStories() {
    }

    /** The stored name without its namespace: {@code CitizenReferenced}. */
    static String typeOf(GovEvent event) {
        String name = StoredEventTypes.nameOf(event.getClass()).orElse(event.getClass().getSimpleName());
        return name.startsWith(NAMESPACE) ? name.substring(NAMESPACE.length()) : name;
    }

    static Optional<Name> citizenOf(GovEvent event) {
        if (event instanceof CitizenReferenced e) {
            return Optional.of(e.citizen().name());
        } else if (event instanceof CitizenDropped e) {
            return Optional.of(e.citizen());
        } else if (event instanceof CitizenReplaced e) {
            return Optional.of(e.citizen());
        } else if (event instanceof ConfluenceCommissioned e) {
            return Optional.of(e.confluence().name());
        } else if (event instanceof ConfluenceUpgraded e) {
            return Optional.of(e.confluence().name());
        } else if (event instanceof ConfluenceUpgradeHeld e) {
            return Optional.of(e.confluence().name());
        } else if (event instanceof FingerprintBumpScheduled e) {
            return Optional.of(e.citizen());
        } else if (event instanceof FingerprintBumpCancelled e) {
            return Optional.of(e.citizen());
        } else if (event instanceof CutoverFingerprintRevised e) {
            return Optional.of(e.citizen());
        } else if (event instanceof FingerprintCutOver e) {
            return Optional.of(e.citizen());
        } else if (event instanceof FingerprintCutoverBlocked e) {
            return Optional.of(e.citizen());
        }
        return Optional.empty();
    }

    static String summary(GovEvent event) {
        if (event instanceof GovCreated e) {
            return "Gov " + e.gov() + " created (" + e.archetype().name().toLowerCase() + ")";
        } else if (event instanceof CitizenReferenced e) {
            return "Referenced " + e.citizen().citizenKind().name().toLowerCase() + " " + e.citizen().name()
                    + " at " + e.citizen().fingerprint();
        } else if (event instanceof CitizenDropped e) {
            return "Dropped " + e.kind().name().toLowerCase() + " " + e.citizen() + stale(e.staleConfluences());
        } else if (event instanceof CitizenReplaced e) {
            return "Replaced " + e.citizen() + " by " + e.replacement().citizenKind().name().toLowerCase() + " "
                    + e.replacement().name() + " at " + e.replacement().fingerprint() + stale(e.staleConfluences());
        } else if (event instanceof ConfluenceCommissioned e) {
            return "Commissioned confluence " + e.confluence().name() + " over " + e.confluence().spans()
                    + " at " + e.confluence().fingerprint();
        } else if (event instanceof ConfluenceUpgraded e) {
            return "Upgraded confluence " + e.confluence().name() + " to state machine "
                    + e.confluence().stateMachineVersion() + " at " + e.confluence().fingerprint();
        } else if (event instanceof ConfluenceUpgradeHeld e) {
            return "Upgrade of confluence " + e.confluence().name() + " held for the cutover of " + e.heldForBumpOf();
        } else if (event instanceof BasicServiceShipped e) {
            return "Shipped " + e.service().service() + " at " + e.service().fingerprint();
        } else if (event instanceof BasicServiceWithdrawn e) {
            return "Withdrew " + e.service();
        } else if (event instanceof GovConfigPublished e) {
            return "Published revision " + e.revision() + " with fingerprint " + e.fingerprint()
                    + (e.cutoverOf() == null ? "" : " (cutover of " + e.cutoverOf() + ")");
        } else if (event instanceof FingerprintBumpScheduled e) {
            return "Scheduled bump of " + e.citizen() + " from " + e.fromFingerprint() + " to " + e.toFingerprint()
                    + " at " + e.cutoverAt() + "; GovConfig will be " + e.expectedGovFingerprint();
        } else if (event instanceof FingerprintBumpCancelled e) {
            return "Cancelled bump of " + e.citizen() + " to " + e.toFingerprint();
        } else if (event instanceof CutoverFingerprintRevised e) {
            return "Cutover of " + e.citizen() + " at " + e.cutoverAt() + " will now publish "
                    + e.expectedGovFingerprint();
        } else if (event instanceof FingerprintCutOver e) {
            return "Cut over " + e.citizen() + " from " + e.fromFingerprint() + " to " + e.toFingerprint();
        } else if (event instanceof FingerprintCutoverBlocked e) {
            return "Cutover of " + e.citizen() + " blocked: awaiting upgrades of " + e.awaitingConfluences();
        } else if (event instanceof GovRetired e) {
            return "Gov " + e.gov() + " retired" + (e.lastRevision() == null ? "" : " at revision " + e.lastRevision());
        }
        return typeOf(event);
    }

    private static String stale(java.util.List<Name> stale) {
        return stale.isEmpty() ? "" : "; stale confluences: " + stale;
    }
}
