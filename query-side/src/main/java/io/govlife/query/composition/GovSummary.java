package io.govlife.query.composition;

/** One row of {@code GET /api/govs}. */
public record GovSummary(String name, String archetype, String status, Long revision, String fingerprint,
                         String draftFingerprint, long version) {
}
