package io.govlife.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to the packaged application: it shuts down gracefully within its grace period, its event processors
 * release their segments (no token keeps an owner), and what it acknowledged and delivered stays done.
 */
class GracefulShutdownIT {

    @RegisterExtension
    final PackagedApp packaged = PackagedApp.onFreshDataDir();

    @Test
    void sigterm_stops_gracefully_within_the_grace_period_and_releases_segments() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Process app = packaged.start("app.log", "--govlife.webhooks.allowed-hosts=127.0.0.1");
            Api api = packaged.api();
            packaged.awaitReady();
            assertThat(api.post("/api/govs", "{\"name\":\"calm.gov\",\"archetype\":\"SERVICE\"}").status())
                    .isEqualTo(201);
            assertThat(api.post("/api/govs/calm.gov/organisms", "{\"role\":\"price-oracle\",\"fingerprint\":\""
                    + LiveApplication.fp(3) + "\"}").status()).isEqualTo(201);
            assertThat(api.post("/api/govs/calm.gov/integrators", "{\"name\":\"acme-wallet\",\"webhookUrl\":\""
                    + receiver.url("/acme") + "\"}").status()).isEqualTo(201);
            assertThat(api.post("/api/govs/calm.gov/publications", "{}").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/acme").size() == 1);

            app.destroy(); // SIGTERM
            assertThat(app.waitFor(40, TimeUnit.SECONDS)).as("exited within the grace period").isTrue();
            String log = Files.readString(packaged.dataDir().resolve("app.log"));
            assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");

            try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + packaged.dataDir().resolve("govlife"), "sa", "");
                 ResultSet owned = db.createStatement().executeQuery(
                         "select count(*) from token_entry where owner is not null");
                 ResultSet events = db.createStatement().executeQuery(
                         "select count(*) from domain_event_entry where aggregate_identifier = 'calm.gov'")) {
                owned.next();
                assertThat(owned.getInt(1)).as("segments still claimed after shutdown").isZero();
                events.next();
                assertThat(events.getInt(1)).isEqualTo(4);
            }
            assertThat(receiver.at("/acme")).as("the notice was sent once").hasSize(1);
        }
    }
}
