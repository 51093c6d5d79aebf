package io.govlife.app;

import io.govlife.GovlifeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Schedules a bump, stops the application before its cutover, starts it again on the same data directory: the
 * persisted deadline still fires, the cutover is published and the integrator is told.
 */
class CutoverAcrossRestartIT {

    private final Path dataDir = LiveApplication.freshDataDir();

    @Test
    void a_cutover_scheduled_before_a_restart_happens_after_it() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String g = "/api/govs/restart.bump";
            Instant cutoverAt;
            try (ConfigurableApplicationContext first = start()) {
                Api api = api(first);
                NoticeFixtures.publishedWithAcmeWallet(api, "restart.bump", receiver);
                cutoverAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
                assertThat(api.post(g + "/citizens/price-oracle/bumps", "{\"fingerprint\":\""
                        + LiveApplication.fp(0x99) + "\",\"cutoverAt\":\"" + cutoverAt + "\"}").status()).isEqualTo(201);
                // the advance notice goes out before the stop
                await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/acme").stream()
                        .anyMatch(r -> r.body().contains("BUMP_SCHEDULED")));
            }
            assertThat(Instant.now()).as("stopped before the cutover").isBefore(cutoverAt);

            try (ConfigurableApplicationContext second = start()) {
                Api api = api(second);
                await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at("/acme").stream()
                        .anyMatch(r -> r.body().contains("\"revision\":2")));
                await().atMost(Duration.ofSeconds(10)).until(() -> api.send("GET", g, null).json()
                        .path("published").path("revision").asLong() == 2);
                assertThat(api.send("GET", g, null).json().path("pendingBumps")).isEmpty();
            }
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GovlifeApplication.class).run("--server.port=0", "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                "--govlife.data-dir=" + dataDir, "--govlife.bump.minimum-notice=PT2S",
                "--govlife.webhooks.allowed-hosts=127.0.0.1", "--govlife.webhooks.poll-interval=PT0.1S",
                "--db-scheduler.polling-interval=200ms");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
