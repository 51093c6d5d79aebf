package io.govlife.app.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The gov-level figures an operator watches, read from the read models when scraped: publications. The cutover
 * figures are the notices' ({@code NoticeMeters}); per-command and per-notice counts are kept where they happen.
 */
@Component
class GovlifeMeters implements MeterBinder {

    private final JdbcTemplate jdbc;

    GovlifeMeters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("govlife.publications", jdbc, db -> {
                    Long count = jdbc.queryForObject("select count(*) from gov_revision", Long.class);
                    return count == null ? 0 : count;
                })
                .description("GovConfig revisions published").register(registry);
    }
}
