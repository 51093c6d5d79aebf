package io.govlife.query.composition;

import io.govlife.events.citizen.CitizenName;
import io.govlife.events.gov.Fingerprint;

import java.time.Instant;
import java.util.List;

/** A scheduled bump as integrators see it: who moves, to what, when, and the GovConfig fingerprint that follows. */
public record PendingCutover(CitizenName citizen, Fingerprint fromFingerprint, Fingerprint toFingerprint,
                             Instant cutoverAt, Fingerprint expectedGovFingerprint,
                             List<CitizenName> awaitingConfluences, boolean blocked, Instant scheduledAt) {

    PendingCutover expecting(Fingerprint expected) {
        return new PendingCutover(citizen, fromFingerprint, toFingerprint, cutoverAt, expected, awaitingConfluences,
                blocked, scheduledAt);
    }

    PendingCutover upgradeRecorded(CitizenName confluence) {
        return new PendingCutover(citizen, fromFingerprint, toFingerprint, cutoverAt, expectedGovFingerprint,
                awaitingConfluences.stream().filter(c -> !c.equals(confluence)).toList(), blocked, scheduledAt);
    }

    PendingCutover markedBlocked() {
        return new PendingCutover(citizen, fromFingerprint, toFingerprint, cutoverAt, expectedGovFingerprint,
                awaitingConfluences, true, scheduledAt);
    }
}
