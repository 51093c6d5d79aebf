package io.govlife.query.composition;

import java.time.Instant;
import java.util.List;

/** One row of {@code GET /api/govs}; its pending cutovers come soonest first, as an operator must act on them. */
record GovSummary(String name, String archetype, String status, Long revision, String fingerprint,
                         String draftFingerprint, long version, List<Cutover> pendingCutovers) {

    public record Cutover(String citizen, Instant cutoverAt, boolean blocked) {
    }
}
