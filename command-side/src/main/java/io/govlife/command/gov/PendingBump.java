package io.govlife.command.gov;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled bump the aggregate tracks until cutover or cancellation. {@code confluencesToUpgrade} is fixed when
 * the bump is scheduled; {@code awaiting} is what blocked its cutover, when it was blocked. {@code scheduledAt} is the
 * sequence number of the event that scheduled it: what confluences record after it counts for it.
 */
record PendingBump(Name citizen, Fingerprint from, Fingerprint to, Instant cutoverAt,
                   Fingerprint expectedGovFingerprint, List<Name> confluencesToUpgrade,
                   List<Name> awaiting, boolean blocked, long scheduledAt) {

    PendingBump {
        confluencesToUpgrade = List.copyOf(confluencesToUpgrade);
        awaiting = List.copyOf(awaiting);
    }

    PendingBump expecting(Fingerprint expected) {
        return new PendingBump(citizen, from, to, cutoverAt, expected, confluencesToUpgrade, awaiting, blocked,
                scheduledAt);
    }

    PendingBump markedBlocked(List<Name> awaitingNow) {
        return new PendingBump(citizen, from, to, cutoverAt, expectedGovFingerprint, confluencesToUpgrade,
                awaitingNow, true, scheduledAt);
    }

    boolean involves(Name name) {
        return citizen.equals(name) || confluencesToUpgrade.contains(name);
    }
}
