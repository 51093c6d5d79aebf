package io.govlife.query.revisions;

import io.govlife.events.gov.GovConfig;

import java.time.Instant;

/** One published revision, as kept: immutable once written. */
record Revision(String gov, long revision, String fingerprint, String previousFingerprint, GovConfig config,
                       Instant publishedAt, String publishedBy, String notes, String cutoverOf,
                       boolean metadataOnly) {

    /**
     * The list row of {@code GET /api/govs/{gov}/revisions}: everything but the config itself. {@code metadataOnly}:
     * the revision kept the gov root, changing only links, contacts and the like; nothing to recompile.
     */
    public record Summary(long revision, String fingerprint, String previousFingerprint, Instant publishedAt,
                          String publishedBy, String notes, String cutoverOf, boolean metadataOnly) {
    }

    Summary summary() {
        return new Summary(revision, fingerprint, previousFingerprint, publishedAt, publishedBy, notes, cutoverOf,
                metadataOnly);
    }
}
