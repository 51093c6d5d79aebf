package io.govlife.query.composition;

import io.govlife.events.Name;
import io.govlife.events.gov.Fingerprint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A scheduled bump as integrators see it: who moves, to what, when, and the GovConfig fingerprint that follows;
 * whether it came at short notice, and for a catch-up (its cutover already past when announced) how late, as a
 * catch-up stays pending only while its cutover is blocked.
 */
record PendingCutover(Name citizen, Fingerprint fromFingerprint, Fingerprint toFingerprint,
                             Instant cutoverAt, Fingerprint expectedGovFingerprint,
                             List<Name> awaitingConfluences, boolean blocked, Instant scheduledAt,
                             boolean shortNotice, Duration lateBy) {

    PendingCutover expecting(Fingerprint expected) {
        return new PendingCutover(citizen, fromFingerprint, toFingerprint, cutoverAt, expected, awaitingConfluences,
                blocked, scheduledAt, shortNotice, lateBy);
    }

    PendingCutover upgradeRecorded(Name confluence) {
        return new PendingCutover(citizen, fromFingerprint, toFingerprint, cutoverAt, expectedGovFingerprint,
                awaitingConfluences.stream().filter(c -> !c.equals(confluence)).toList(), blocked, scheduledAt,
                shortNotice, lateBy);
    }

    PendingCutover markedBlocked() {
        return new PendingCutover(citizen, fromFingerprint, toFingerprint, cutoverAt, expectedGovFingerprint,
                awaitingConfluences, true, scheduledAt, shortNotice, lateBy);
    }
}
