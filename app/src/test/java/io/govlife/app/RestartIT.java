package io.govlife.app;

import io.govlife.GovlifeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the application and starts it again on the same data directory: everything acknowledged before is there
 * after. Snapshots every 3 events, so the second start also proves a snapshot written by Jackson loads back.
 */
class RestartIT {

    private final Path dataDir = LiveApplication.freshDataDir();

    @Test
    void a_restart_on_the_same_data_directory_keeps_everything() {
        String gov = "restart.gov";
        String atlasBody = "{\"fingerprint\":\"" + LiveApplication.fp(0x55) + "\"}";

        try (ConfigurableApplicationContext first = start()) {
            Api api = api(first);
            assertThat(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"ECOSYSTEM\"}").status())
                    .isEqualTo(201);
            for (int i = 1; i <= 7; i++) {
                assertThat(api.post("/api/govs/" + gov + "/lattices", "{\"name\":\"chain-" + i + "\",\"chainId\":" + i
                        + ",\"fingerprint\":\"" + LiveApplication.fp(i) + "\"}").status()).isEqualTo(201);
            }
            assertThat(api.put("/api/govs/" + gov + "/services/ATLAS", atlasBody, "Idempotency-Key", "ship-atlas")
                    .status()).isEqualTo(200);
            Api.Reply published = api.post("/api/govs/" + gov + "/publications", "{\"notes\":\"before restart\"}");
            assertThat(published.status()).isEqualTo(201);
            assertThat(published.header("ETag")).isEqualTo("\"9\"");
            // snapshots are taken on their own thread, after the command's answer: wait for one, as for a read model
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(snapshots(first, gov)).as("snapshots taken").isPositive());
        }

        // the snapshots become those of an older shape of the Gov (a revision it no longer has, fields it no longer
        // reads): the second start must pass them over and rebuild the gov from its events
        olderShapedSnapshots(gov);

        try (ConfigurableApplicationContext second = start()) {
            Api api = api(second);
            // the state survived: the same content is still published, so publishing again is refused
            assertThat(api.post("/api/govs/" + gov + "/publications", "{}").status()).isEqualTo(409);
            // and the version continues where it stopped
            Api.Reply next = api.post("/api/govs/" + gov + "/organisms",
                    "{\"role\":\"oracle-feed\",\"fingerprint\":\"" + LiveApplication.fp(0x33) + "\"}", "If-Match", "\"9\"");
            assertThat(next.status()).isEqualTo(201);
            assertThat(next.json().path("version").asLong()).isEqualTo(10);
            assertThat(next.json().path("publishedRevision").asLong()).isEqualTo(1);
            // a write retried with its idempotency key after the restart gets its first answer, version 8
            Api.Reply retried = api.put("/api/govs/" + gov + "/services/ATLAS", atlasBody, "Idempotency-Key",
                    "ship-atlas");
            assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retried.header("ETag")).isEqualTo("\"8\"");
            // the name claim survived too
            assertThat(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}").status())
                    .isEqualTo(409);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, gov))
                    .isEqualTo(11L);
        }
    }

    private void olderShapedSnapshots(String gov) {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/govlife",
                "sa", "")) {
            // revision 2: the Gov before its split into entities, its maps on the root (readable, were it not
            // passed over: what loading it would lose is what the second start checks)
            try (java.sql.PreparedStatement update = db.prepareStatement("update snapshot_event_entry "
                    + "set payload_revision = '2', payload = ? where aggregate_identifier = ?")) {
                update.setBytes(1, ("{\"id\":\"" + gov + "\",\"revision\":1,"
                        + "\"pendingBumps\":{},\"heldUpgrades\":{},\"madeAt\":{},\"coOperators\":[]}").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
                update.setString(2, gov);
                assertThat(update.executeUpdate()).as("snapshots rewritten").isPositive();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GovlifeApplication.class).run(
                "--server.port=0", "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN, "--govlife.data-dir=" + dataDir, "--govlife.snapshot-threshold=3");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static long snapshots(ConfigurableApplicationContext context, String gov) {
        Long count = context.getBean(JdbcTemplate.class).queryForObject(
                "select count(*) from snapshot_event_entry where aggregate_identifier = ?", Long.class, gov);
        return count == null ? 0 : count;
    }
}
