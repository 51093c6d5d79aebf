package io.govlife.query.fingerprints;

import java.time.Instant;
import java.util.List;

/**
 * The answer to "which gov is this fingerprint, and what happened since?" for an integrator holding a gov root (or a
 * citizen's fingerprint) it compiled in: every gov that published it, in which revisions, whether that is still
 * current, superseded (by which revision, when) or retired, and each revision since with its reason.
 */
record FingerprintLookup(String fingerprint, List<Match> matches) {

    public enum Kind { GOV_ROOT, CITIZEN, SERVICE }

    public enum Status { CURRENT, SUPERSEDED, RETIRED }

    /** {@code citizen}: the citizen or service the fingerprint is of; null for a gov root. */
    public record Match(String gov, Kind kind, String citizen, List<Long> revisions, Status status,
                        Superseded supersededBy, Instant retiredAt, List<Change> changesSince) {
    }

    public record Superseded(long revision, Instant publishedAt, String fingerprint) {
    }

    /** {@code metadataOnly}: the revision kept the gov root; nothing to recompile. */
    public record Change(long revision, Instant publishedAt, String fingerprint, String what, String reason,
                         String cutoverOf, boolean metadataOnly) {
    }
}
