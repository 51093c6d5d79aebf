package io.govlife.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class AheadOfTimeStartGuardTest {

    private static MockEnvironment embeddedDefault() {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/govlife")
                .withProperty("axon.axonserver.enabled", "false");
    }

    @Test
    void the_embedded_default_starts_ahead_of_time_and_anything_starts_without_it() {
        assertThat(AheadOfTimeStartGuard.refusal(true, embeddedDefault())).isEmpty();
        MockEnvironment postgres = embeddedDefault().withProperty("spring.datasource.url",
                "jdbc:postgresql://db:5432/govlife?password=secret");
        postgres.setActiveProfiles("postgres", "axonserver");
        postgres.setProperty("axon.axonserver.enabled", "true");
        assertThat(AheadOfTimeStartGuard.refusal(false, postgres)).isEmpty();
    }

    @Test
    void a_profile_another_database_or_axon_server_is_refused_ahead_of_time_naming_each() {
        MockEnvironment profile = embeddedDefault();
        profile.setActiveProfiles("postgres");
        assertThat(AheadOfTimeStartGuard.refusal(true, profile)).get().asString()
                .contains("profiles [postgres]").contains("without -Dspring.aot.enabled=true");

        MockEnvironment database = embeddedDefault().withProperty("spring.datasource.url",
                "jdbc:postgresql://db:5432/govlife?password=secret");
        assertThat(AheadOfTimeStartGuard.refusal(true, database)).get().asString()
                .contains("a jdbc:postgresql database").doesNotContain("secret").doesNotContain("db:5432");

        MockEnvironment axonServer = embeddedDefault().withProperty("axon.axonserver.enabled", "true");
        assertThat(AheadOfTimeStartGuard.refusal(true, axonServer)).get().asString().contains("Axon Server");

        MockEnvironment inMemory = embeddedDefault().withProperty("spring.datasource.url", "jdbc:h2:mem:govlife");
        assertThat(AheadOfTimeStartGuard.refusal(true, inMemory)).get().asString().contains("a jdbc:h2 database");

        MockEnvironment shouting = embeddedDefault().withProperty("spring.datasource.url",
                "JDBC:POSTGRESQL://db/govlife?password=secret");
        assertThat(AheadOfTimeStartGuard.refusal(true, shouting)).get().asString().contains("another database")
                .doesNotContain("secret");

        MockEnvironment traces = embeddedDefault().withProperty("management.otlp.tracing.endpoint",
                "http://collector:4318/v1/traces");
        assertThat(AheadOfTimeStartGuard.refusal(true, traces)).get().asString()
                .contains("management.otlp.tracing.endpoint");
        MockEnvironment managementPort = embeddedDefault().withProperty("management.server.port", "9090");
        assertThat(AheadOfTimeStartGuard.refusal(true, managementPort)).get().asString()
                .contains("management.server.port");
    }

    @Test
    void a_profile_that_only_sets_the_log_format_starts_ahead_of_time() {
        MockEnvironment jsonLogs = embeddedDefault();
        jsonLogs.setActiveProfiles("json-logs");
        assertThat(AheadOfTimeStartGuard.refusal(true, jsonLogs)).isEmpty();
        jsonLogs.setActiveProfiles("json-logs", "postgres");
        assertThat(AheadOfTimeStartGuard.refusal(true, jsonLogs)).get().asString().contains("profiles [postgres]");
    }
}
