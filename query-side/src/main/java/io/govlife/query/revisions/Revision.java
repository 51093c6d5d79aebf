package io.govlife.query.revisions;

import io.govlife.events.gov.GovConfig;

import java.time.Instant;

/** One published revision, as kept: immutable once written. */
public record Revision(String gov, long revision, String fingerprint, String previousFingerprint, GovConfig config,
                       Instant publishedAt, String publishedBy, String notes, String cutoverOf) {

    /**
     * The list row of {@code GET /api/govs/{gov}/revisions}: everything but the config itself. {@code metadataOnly}:
     * the gov root did not change (docs links, contacts...), so integrators need not recompile.
     */
    public record Summary(long revision, String fingerprint, String previousFingerprint, Instant publishedAt,
                          String publishedBy, String notes, String cutoverOf, boolean metadataOnly) {
    }

    Summary summary() {
        return new Summary(revision, fingerprint, previousFingerprint, publishedAt, publishedBy, notes, cutoverOf,
                metadataOnly());
    }

    /** A revision with its predecessor's root: only a metadata publication can be one. */
    boolean metadataOnly() {
        return fingerprint.equals(previousFingerprint);
    }

    /**
     * The config's entity tag: its fingerprint, as integrators compare it, except for a metadata revision, whose
     * content differs from the revision before under the same root, so a cache must not answer it with a 304.
     */
    String etag() {
        return "\"" + fingerprint + (metadataOnly() ? "." + revision : "") + "\"";
    }
}
