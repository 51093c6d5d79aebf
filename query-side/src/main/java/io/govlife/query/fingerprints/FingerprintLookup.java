package io.govlife.query.fingerprints;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/fingerprints/{fingerprint}}: every gov that ever published the fingerprint, as its root or a
 * citizen's, and what an integrator holding it needs to know — is it still good, what replaced it and why.
 */
public record FingerprintLookup(String fingerprint, List<Match> matches) {

    public enum Kind { GOV_ROOT, CITIZEN }

    /** CURRENT: the gov's latest revision carries it. RETIRED: the gov is retired (whether or not it was current). */
    public enum Status { CURRENT, SUPERSEDED, RETIRED }

    /**
     * One gov (and, for a citizen fingerprint, one citizen) that carried it. {@code revisions} are runs of
     * consecutive revisions, so a fingerprint carried for ten thousand revisions is one entry.
     * {@code citizenKind} is LATTICE, ORGANISM, CONFLUENCE or SERVICE (the citizen is then the service's name).
     */
    public record Match(String gov, Kind kind,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String citizen,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String citizenKind,
                        List<Revisions> revisions, Status status,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Superseded supersededBy,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Instant retiredAt,
                        long currentRevision, String currentFingerprint, List<Change> changesSince) {
    }

    /** Revisions {@code from} to {@code to}, both included. */
    public record Revisions(long from, long to) {
    }

    /**
     * The first revision that no longer carried it: its number, time and gov root; for a citizen, the fingerprint
     * the citizen carried there instead ({@code citizenFingerprint}, absent when the revision no longer names it).
     */
    public record Superseded(long revision, Instant publishedAt, String fingerprint,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String citizenFingerprint) {
    }

    /**
     * A revision published after the last that carried it. {@code reason} is the publication's notes;
     * {@code cutoverOf} the citizen whose bump it carried out; {@code metadataOnly} a revision with its
     * predecessor's root (nothing to recompile).
     */
    public record Change(long revision, Instant publishedAt, String fingerprint, boolean metadataOnly, String what,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String cutoverOf) {
    }
}
