package io.govlife.app.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * The gov-level figures an operator watches, read from the read models when scraped: publications, pending
 * cutovers and the time left to the next, and integrators who have not acknowledged a pending bump (the ones
 * heading for a ConnectTimeout). Per-command and per-notice counts are kept where they happen.
 */
@Component
class GovlifeMeters implements MeterBinder {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    GovlifeMeters(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("govlife.publications", jdbc, db -> count("select count(*) from gov_revision"))
                .description("GovConfig revisions published").register(registry);
        Gauge.builder("govlife.cutovers.pending", jdbc, db -> count("select count(*) from notice_bump"))
                .description("fingerprint bumps scheduled and not yet cut over").register(registry);
        Gauge.builder("govlife.cutovers.next.seconds", jdbc, db -> secondsToNextCutover())
                .description("seconds until the next pending cutover").register(registry);
        Gauge.builder("govlife.integrators.unacknowledged", jdbc, db -> count(
                        "select count(distinct i.gov || '/' || i.integrator) from notice_bump b "
                                + "join integrator_endpoint i on i.gov = b.gov and i.disabled = false "
                                + "where not exists (select 1 from notice n where n.gov = b.gov "
                                + "and n.integrator = i.integrator and n.bump = b.bump and n.acknowledged_at is not null)"))
                .description("integrators that have not acknowledged a pending bump").register(registry);
    }

    private double count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private double secondsToNextCutover() {
        Timestamp next = jdbc.queryForObject("select min(cutover_at) from notice_bump", Timestamp.class);
        return next == null ? Double.NaN : Duration.between(clock.instant(), next.toInstant()).toSeconds();
    }
}
