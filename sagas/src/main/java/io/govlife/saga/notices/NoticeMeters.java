package io.govlife.saga.notices;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The figures an operator watches to avoid a ConnectTimeout on the day, read from the notices' own record of the
 * pending bumps when scraped: how many cutovers are pending, the time left to the next, and the integrators who have
 * not acknowledged a pending bump. Integrators' endpoints are the command side's: asked by query
 * ({@link NoticeBook#unacknowledged}), never by table.
 */
@Component
record NoticeMeters(JdbcTemplate jdbc, NoticeBook notices, Clock clock) implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("govlife.cutovers.pending", jdbc, db -> pendingCutovers())
                .description("fingerprint bumps scheduled and not yet cut over").register(registry);
        Gauge.builder("govlife.cutovers.next.seconds", jdbc, db -> secondsToNextCutover())
                .description("seconds until the next pending cutover").register(registry);
        Gauge.builder("govlife.integrators.unacknowledged", jdbc, db -> unacknowledgedIntegrators())
                .description("integrators that have not acknowledged a pending bump").register(registry);
    }

    private double pendingCutovers() {
        Long count = jdbc.queryForObject("select count(*) from notice_bump", Long.class);
        return count == null ? 0 : count;
    }

    /** Integrators (counted once per gov, however many of its bumps they have not acknowledged). */
    private double unacknowledgedIntegrators() {
        Set<String> unacknowledged = new HashSet<>();
        for (Map<String, Object> pending : jdbc.queryForList("select gov, bump from notice_bump")) {
            String gov = (String) pending.get("gov");
            notices.unacknowledged(gov, (String) pending.get("bump"))
                    .forEach(integrator -> unacknowledged.add(gov + "/" + integrator.integrator().value()));
        }
        return unacknowledged.size();
    }

    private double secondsToNextCutover() {
        Timestamp next = jdbc.queryForObject("select min(cutover_at) from notice_bump", Timestamp.class);
        return next == null ? Double.NaN : Duration.between(clock.instant(), next.toInstant()).toSeconds();
    }
}
