package io.govlife.query.reports;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * All SQL of the reports: {@code report_bump}, one row per bump with the notice it gave and how it ended
 * ({@code PENDING}, {@code BLOCKED}, then {@code CUT_OVER}, {@code CANCELLED} or {@code RETIRED}), and
 * {@code report_publication}, one row per publication with its counts.
 */
@Repository
class ReportsRepository {

    private final JdbcTemplate jdbc;

    ReportsRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- written by the projection

    void bumpScheduled(String gov, long sequence, String citizen, Instant scheduledAt, Instant cutoverAt,
                       boolean shortNotice, boolean catchUp) {
        jdbc.update("insert into report_bump (gov, scheduled_seq, citizen, scheduled_at, cutover_at, lead_seconds, "
                        + "outcome, short_notice, catch_up) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                gov, sequence, citizen, ts(scheduledAt), ts(cutoverAt),
                Duration.between(scheduledAt, cutoverAt).toSeconds(), shortNotice, catchUp);
    }

    /** The citizen's pending bump, due but waiting for upgrades. */
    void bumpBlocked(String gov, String citizen) {
        jdbc.update("update report_bump set outcome = 'BLOCKED' where gov = ? and citizen = ? and outcome = 'PENDING'",
                gov, citizen);
    }

    /** The citizen's open (pending or blocked) bump ended with {@code outcome}. */
    void bumpEnded(String gov, String citizen, String outcome, Instant at) {
        jdbc.update("update report_bump set outcome = ?, ended_at = ? where gov = ? and citizen = ? "
                + "and outcome in ('PENDING', 'BLOCKED')", outcome, ts(at), gov, citizen);
    }

    /** Every open bump of the gov ends with it. */
    void govRetired(String gov, Instant at) {
        jdbc.update("update report_bump set outcome = 'RETIRED', ended_at = ? where gov = ? "
                + "and outcome in ('PENDING', 'BLOCKED')", ts(at), gov);
    }

    void publication(String gov, long revision, Instant at, String cutoverOf, int lattices, int organisms,
                     int confluences, int services) {
        jdbc.update("insert into report_publication (gov, revision, published_at, published_month, cutover_of, lattices, "
                        + "organisms, confluences, services) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                gov, revision, ts(at), at.atOffset(ZoneOffset.UTC).toString().substring(0, 7), cutoverOf, lattices,
                organisms, confluences, services);
    }

    /** The publication of the citizen's cutover: the one cut-over bump not yet published gets its revision. */
    void cutoverPublished(String gov, String citizen, long revision, Instant at) {
        jdbc.update("update report_bump set published_at = ?, published_revision = ? where gov = ? and citizen = ? "
                + "and outcome = 'CUT_OVER' and published_at is null", ts(at), revision, gov, citizen);
    }

    void deleteAll() {
        jdbc.update("delete from report_bump");
        jdbc.update("delete from report_publication");
    }

    // ---- read by the controller

    /** The gov's bumps (of {@code citizen} when given), per citizen in the order they were scheduled. */
    List<Reports.BumpNotice> bumps(String gov, String citizen) {
        List<Object> args = new ArrayList<>(List.of(gov));
        String where = " where gov = ?";
        if (citizen != null) {
            where += " and citizen = ?";
            args.add(citizen);
        }
        return jdbc.query("select * from report_bump" + where + " order by citizen, scheduled_seq",
                ReportsRepository::bump, args.toArray());
    }

    List<Reports.Cadence> cadence(String gov) {
        return jdbc.query("select citizen, count(*), sum(case when short_notice then 1 else 0 end), "
                        + "sum(case when catch_up then 1 else 0 end) from report_bump where gov = ? group by citizen "
                        + "order by citizen",
                (rs, i) -> new Reports.Cadence(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), gov);
    }

    List<Reports.MonthCount> publicationsPerMonth(String gov) {
        return jdbc.query("select published_month, count(*) from report_publication "
                        + "where gov = ? group by published_month order by published_month",
                (rs, i) -> new Reports.MonthCount(rs.getString(1), rs.getLong(2)), gov);
    }

    /** The gov's bumps that cut over, in the order of their cutovers. */
    List<Reports.BumpNotice> cutovers(String gov) {
        return jdbc.query("select * from report_bump where gov = ? "
                + "and outcome = 'CUT_OVER' order by cutover_at", ReportsRepository::bump, gov);
    }

    List<Reports.CompositionPoint> composition(String gov) {
        return jdbc.query("select * from report_publication where gov = ? order by revision",
                (rs, i) -> new Reports.CompositionPoint(rs.getLong("revision"),
                        rs.getTimestamp("published_at").toInstant(), rs.getInt("lattices"), rs.getInt("organisms"),
                        rs.getInt("confluences"), rs.getInt("services")), gov);
    }

    private static Reports.BumpNotice bump(ResultSet rs, int row) throws SQLException {
        Instant cutoverAt = instant(rs, "cutover_at");
        Instant publishedAt = instant(rs, "published_at");
        return new Reports.BumpNotice(rs.getString("gov"), rs.getString("citizen"), instant(rs, "scheduled_at"),
                cutoverAt, Duration.ofSeconds(rs.getLong("lead_seconds")), rs.getString("outcome"),
                instant(rs, "ended_at"), publishedAt, (Long) rs.getObject("published_revision", Long.class),
                publishedAt == null ? null : Duration.between(cutoverAt, publishedAt), rs.getBoolean("short_notice"),
                rs.getBoolean("catch_up"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
