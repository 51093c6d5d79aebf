package io.govlife.app;

import io.govlife.GovlifeApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A data directory written by the release before Axon's JDBC stores (Hibernate's JPA stores, migrations up to V41),
 * opened by this one: a gov with a published revision and a bump whose saga and cutover deadline were pending when
 * that node stopped. {@code upgrade/jpa-era.sql} is H2's own script of that database, made by the previous release's
 * jar; its cutover lies in the past, so the deadline is due as soon as this node starts, and must wait until the node
 * can take the command it sends (db-scheduler started before Axon's handlers: the saga's retry a minute later).
 */
class UpgradeFromJpaStoresIT {

    /** The fixture's own operator token (issued by the old node, stored there as a hash only). */
    private static final String ALICE = "Bearer glt_zER-ur129ENvWGDe6RPwVFKcQ_g4EEP1bo2NP1IRdn0";
    private static final String GOV = "/api/govs/upgrade.gov";

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        Path dataDir = Files.createTempDirectory("govlife-upgrade");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("govlife"), "sa", "")) {
            db.createStatement().execute("RUNSCRIPT FROM 'classpath:/upgrade/jpa-era.sql'");
        }
        try (InputStream key = UpgradeFromJpaStoresIT.class.getResourceAsStream("/upgrade/audit-signing.key")) {
            Files.copy(key, dataDir.resolve("audit-signing.key"));
        }
        app = new SpringApplicationBuilder(GovlifeApplication.class).run("--server.port=0",
                "--govlife.data-dir=" + dataDir, "--govlife.secrets.key=" + "A".repeat(43) + "=",
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
    void the_old_node_s_pending_cutover_happens_and_its_log_tokens_and_saga_carry_on() {
        String tokenRows = "select processor_name, segment from token_entry order by processor_name, segment";
        List<Map<String, Object>> tokensBefore = jdbc.queryForList(tokenRows);
        assertThat(jdbc.queryForList("select \"version\" from \"flyway_schema_history\" where \"version\" is not null",
                String.class)).contains("41", "42");

        // the saga the old node stored (Hibernate's rows) is found by its association and cuts the bump over, at once
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Reply gov = api.send("GET", GOV, null, "Authorization", ALICE);
            assertThat(gov.status()).isEqualTo(200);
            assertThat(gov.json().path("published").path("revision").asLong()).isEqualTo(2);
            assertThat(gov.json().path("pendingBumps")).isEmpty();
        });
        assertThat(api.send("GET", GOV, null, "Authorization", ALICE).json()
                .at("/published/config/organisms/0/fingerprint").asText()).isEqualTo(LiveApplication.fp(9));
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("select count(*) from saga_entry",
                Long.class) == 0);

        // the new events continue the old global index one by one; the processors go on from the old tokens
        List<Long> indexes = jdbc.queryForList("select global_index from domain_event_entry order by global_index",
                Long.class);
        assertThat(indexes).hasSizeGreaterThan(5).startsWith(1L, 2L, 3L, 4L, 5L);
        assertThat(indexes.get(indexes.size() - 1)).isEqualTo(indexes.size());
        assertThat(jdbc.queryForList(tokenRows)).isEqualTo(tokensBefore);

        // and the node goes on taking commands on the old gov
        assertThat(api.send("PUT", GOV + "/services/ATLAS", "{\"fingerprint\":\"" + LiveApplication.fp(6) + "\"}",
                "Authorization", ALICE).status()).isEqualTo(200);
    }
}
