package io.govlife.query.revisions;

import io.govlife.events.gov.GovConfig;

import java.time.Instant;

/** One published revision, as kept: immutable once written. */
public record Revision(String gov, long revision, String fingerprint, String previousFingerprint, GovConfig config,
                       Instant publishedAt, String publishedBy, String notes, String cutoverOf) {

    /** The list row of {@code GET /api/govs/{gov}/revisions}: everything but the config itself. */
    public record Summary(long revision, String fingerprint, String previousFingerprint, Instant publishedAt,
                          String publishedBy, String notes, String cutoverOf) {
    }

    Summary summary() {
        return new Summary(revision, fingerprint, previousFingerprint, publishedAt, publishedBy, notes, cutoverOf);
    }
}
