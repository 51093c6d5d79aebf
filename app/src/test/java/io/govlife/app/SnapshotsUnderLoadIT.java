package io.govlife.app;

import io.govlife.GovlifeApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshots taken while every pooled connection is in use: a snapshot taken on the command's thread holds the gov's
 * lock while it waits for a connection, and the connections are held by commands waiting for that lock (found by the
 * benchmark, 16 writers on one gov and a pool of 10, as a 30-second stall ending in 500s).
 * Here: a pool of 2, a snapshot every second event, 8 concurrent writers on one gov.
 */
class SnapshotsUnderLoadIT {

    @Test
    void snapshots_never_starve_commands_of_connections() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GovlifeApplication.class)
                .run("--server.port=0", "--govlife.data-dir=" + LiveApplication.freshDataDir(),
                        "--govlife.security.bootstrap-admin-token=" + Api.ADMIN_TOKEN,
                        "--govlife.snapshot-threshold=2", "--spring.datasource.hikari.maximum-pool-size=2",
                        "--spring.datasource.hikari.connection-timeout=3000")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            assertThat(api.post("/api/govs", "{\"name\":\"snap\",\"archetype\":\"SERVICE\"}").status())
                    .isEqualTo(201);
            for (int round = 0; round < 5; round++) {
                int r = round;
                List<Api.Reply> shipped = Concurrently.run(8, i -> api.put("/api/govs/snap/services/ATLAS",
                        "{\"fingerprint\":\"" + LiveApplication.fp(8 * r + i) + "\"}"));
                assertThat(shipped).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString())
                        .isIn(200, 409));
                assertThat(shipped).anySatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
            }
            assertThat(app.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from snapshot_event_entry", Long.class)).isPositive();
        }
    }
}
