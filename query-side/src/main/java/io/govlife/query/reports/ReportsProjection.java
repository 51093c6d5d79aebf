package io.govlife.query.reports;

import io.govlife.events.bump.FingerprintBumpCancelled;
import io.govlife.events.bump.FingerprintBumpScheduled;
import io.govlife.events.bump.FingerprintCutOver;
import io.govlife.events.bump.FingerprintCutoverBlocked;
import io.govlife.events.gov.GovConfig;
import io.govlife.events.gov.GovConfigPublished;
import io.govlife.events.gov.GovRetired;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Facts for reporting: each bump with the notice it gave and how it ended, each publication with its counts. */
@Component
@ProcessingGroup(ReportsProjection.NAME)
class ReportsProjection {

    static final String NAME = "reports";

    private final JdbcTemplate jdbc;

    ReportsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FingerprintBumpScheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("insert into report_bump (gov, scheduled_seq, citizen, scheduled_at, cutover_at, lead_seconds, "
                        + "outcome, short_notice, catch_up) values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                event.gov().value(), sequence, event.citizen().value(), ts(at), ts(event.cutoverAt()),
                Duration.between(at, event.cutoverAt()).toSeconds(), event.shortNotice(), event.catchUp());
    }

    @EventHandler
    void on(FingerprintBumpCancelled event, @Timestamp Instant at) {
        end(event.gov().value(), event.citizen().value(), "CANCELLED", at);
    }

    @EventHandler
    void on(FingerprintCutoverBlocked event, @Timestamp Instant at) {
        jdbc.update("update report_bump set outcome = 'BLOCKED' where gov = ? and citizen = ? and outcome = 'PENDING'",
                event.gov().value(), event.citizen().value());
    }

    @EventHandler
    void on(FingerprintCutOver event, @Timestamp Instant at) {
        jdbc.update("update report_bump set outcome = 'CUT_OVER', ended_at = ? where gov = ? and citizen = ? "
                + "and outcome in ('PENDING', 'BLOCKED')", ts(at), event.gov().value(), event.citizen().value());
    }

    @EventHandler
    void on(GovConfigPublished event, @Timestamp Instant at) {
        GovConfig config = event.config();
        jdbc.update("insert into report_publication (gov, revision, published_at, published_month, cutover_of, lattices, "
                        + "organisms, confluences, services) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.gov().value(), event.revision(), ts(at), at.atOffset(ZoneOffset.UTC).toString().substring(0, 7),
                event.cutoverOf() == null ? null : event.cutoverOf().value(), config.lattices().size(),
                config.organisms().size(), config.confluences().size(), config.services().size());
        if (event.cutoverOf() != null) {
            jdbc.update("update report_bump set published_at = ?, published_revision = ? where gov = ? and citizen = ? "
                            + "and outcome = 'CUT_OVER' and published_at is null",
                    ts(at), event.revision(), event.gov().value(), event.cutoverOf().value());
        }
    }

    @EventHandler
    void on(GovRetired event, @Timestamp Instant at) {
        jdbc.update("update report_bump set outcome = 'RETIRED', ended_at = ? where gov = ? "
                + "and outcome in ('PENDING', 'BLOCKED')", ts(at), event.gov().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from report_bump");
        jdbc.update("delete from report_publication");
    }

    private void end(String gov, String citizen, String outcome, Instant at) {
        jdbc.update("update report_bump set outcome = ?, ended_at = ? where gov = ? and citizen = ? "
                + "and outcome in ('PENDING', 'BLOCKED')", outcome, ts(at), gov, citizen);
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
