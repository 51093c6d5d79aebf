package io.govlife.query.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The report shapes under {@code /api/reports/}. Durations are ISO-8601 ({@code PT36H}). */
final class Reports {

    private Reports() {
    }

    /**
     * A bump and the notice integrators got: {@code noticeLeadTime} is cutover minus announcement (negative for a
     * catch-up); {@code shortNotice}: inside the minimum notice; {@code catchUp}: the cutover had already passed.
     */
    public record BumpNotice(String gov, String citizen, Instant scheduledAt, Instant cutoverAt,
                             Duration noticeLeadTime, String outcome, Instant endedAt, Instant publishedAt,
                             Long publishedRevision, Duration cutoverToPublication, boolean shortNotice,
                             boolean catchUp) {
    }

    /** Per citizen: how many bumps it announced, how many at short notice, how many after the fact. */
    public record Cadence(String citizen, long bumps, long shortNotice, long catchUps) {
    }

    public record MonthCount(String month, long publications) {
    }

    public record Publications(String gov, List<MonthCount> perMonth, List<BumpNotice> cutovers) {
    }

    public record CompositionPoint(long revision, Instant publishedAt, int lattices, int organisms, int confluences,
                                   int services) {
    }
}
