package io.govlife.command.gov;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.Fingerprint;

import java.time.Instant;
import java.util.List;

/**
 * A scheduled bump the aggregate tracks until cutover or cancellation. {@code confluencesToUpgrade} is fixed when
 * the bump is scheduled; {@code awaiting} shrinks as their upgrades are recorded.
 */
record PendingBump(CitizenName citizen, Fingerprint from, Fingerprint to, Instant cutoverAt,
                   Fingerprint expectedGovFingerprint, List<CitizenName> confluencesToUpgrade,
                   List<CitizenName> awaiting, boolean blocked) {

    PendingBump {
        confluencesToUpgrade = List.copyOf(confluencesToUpgrade);
        awaiting = List.copyOf(awaiting);
    }

    PendingBump upgradeRecorded(CitizenName confluence) {
        return new PendingBump(citizen, from, to, cutoverAt, expectedGovFingerprint, confluencesToUpgrade,
                awaiting.stream().filter(c -> !c.equals(confluence)).toList(), blocked);
    }

    PendingBump expecting(Fingerprint expected) {
        return new PendingBump(citizen, from, to, cutoverAt, expected, confluencesToUpgrade, awaiting, blocked);
    }

    PendingBump markedBlocked() {
        return new PendingBump(citizen, from, to, cutoverAt, expectedGovFingerprint, confluencesToUpgrade, awaiting,
                true);
    }

    boolean involves(CitizenName name) {
        return citizen.equals(name) || confluencesToUpgrade.contains(name);
    }
}
