package io.govlife.query.reports;

import io.govlife.events.gov.RuleViolation;
import io.govlife.query.composition.CompositionRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private final JdbcTemplate jdbc;
    private final CompositionRepository govs;

    ReportsController(JdbcTemplate jdbc, CompositionRepository govs) {
        this.jdbc = jdbc;
        this.govs = govs;
    }

    /** (a) Per citizen, its bumps with the notice lead time given. */
    @GetMapping("/bumps")
    List<Reports.BumpNotice> bumps(@RequestParam String gov, @RequestParam(required = false) String citizen) {
        requireGov(gov);
        List<Object> args = new ArrayList<>(List.of(gov));
        String where = " where gov = ?";
        if (citizen != null) {
            where += " and citizen = ?";
            args.add(citizen);
        }
        return jdbc.query("select * from report_bump" + where + " order by citizen, scheduled_seq",
                ReportsController::bump, args.toArray());
    }

    /** Per citizen of the gov: its bumps, and how many came at short notice or caught up with a move made. */
    @GetMapping("/cadence")
    List<Reports.Cadence> cadence(@RequestParam String gov) {
        requireGov(gov);
        return jdbc.query("select citizen, count(*), sum(case when short_notice then 1 else 0 end), "
                        + "sum(case when catch_up then 1 else 0 end) from report_bump where gov = ? group by citizen "
                        + "order by citizen",
                (rs, i) -> new Reports.Cadence(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), gov);
    }

    /** (b) Per gov, publications per month and the time from each cutover to its publication. */
    @GetMapping("/publications")
    Reports.Publications publications(@RequestParam String gov) {
        requireGov(gov);
        List<Reports.MonthCount> perMonth = jdbc.query("select published_month, count(*) from report_publication "
                        + "where gov = ? group by published_month order by published_month",
                (rs, i) -> new Reports.MonthCount(rs.getString(1), rs.getLong(2)), gov);
        List<Reports.BumpNotice> cutovers = jdbc.query("select * from report_bump where gov = ? "
                + "and outcome = 'CUT_OVER' order by cutover_at", ReportsController::bump, gov);
        return new Reports.Publications(gov, perMonth, cutovers);
    }

    /** (c) How many citizens of each kind, and services, each revision named. */
    @GetMapping("/composition")
    List<Reports.CompositionPoint> composition(@RequestParam String gov) {
        requireGov(gov);
        return jdbc.query("select * from report_publication where gov = ? order by revision",
                (rs, i) -> new Reports.CompositionPoint(rs.getLong("revision"),
                        rs.getTimestamp("published_at").toInstant(), rs.getInt("lattices"), rs.getInt("organisms"),
                        rs.getInt("confluences"), rs.getInt("services")), gov);
    }

    private void requireGov(String gov) {
        govs.view(gov).orElseThrow(() -> RuleViolation.govNotFound(gov));
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
}
