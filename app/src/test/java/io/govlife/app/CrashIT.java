package io.govlife.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills the application with SIGKILL right after a burst of acknowledged writes: every write that was answered
 * 2xx is in the event store afterwards. This is what {@code WRITE_DELAY=0} on the H2 URL buys.
 */
class CrashIT {

    private final Path dataDir = LiveApplication.freshDataDir();
    private Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void every_acknowledged_write_survives_a_kill_9() throws Exception {
        int port = freePort();
        app = start(port);
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> api.post("/api/govs", "{}").status() == 400);

        int acknowledged = 0;
        assertThat(api.post("/api/govs", "{\"name\":\"crash.gov\",\"archetype\":\"SERVICE\"}").status()).isEqualTo(201);
        acknowledged++;
        for (int i = 1; i <= 40; i++) {
            Api.Reply reply = api.post("/api/govs/crash.gov/organisms",
                    "{\"role\":\"organism-" + i + "\",\"fingerprint\":\"" + LiveApplication.fp(i) + "\"}");
            assertThat(reply.status()).isEqualTo(201);
            acknowledged++;
        }

        app.destroyForcibly().waitFor();
        assertThat(app.exitValue()).as("killed, not stopped").isNotZero();

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("govlife"), "sa", "");
             ResultSet rows = db.createStatement().executeQuery(
                     "select count(*) from domain_event_entry where aggregate_identifier = 'crash.gov'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(acknowledged);
        }
    }

    private Process start(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.govlife.GovlifeApplication", "--server.port=" + port);
        // configured the way the README says an operator does: through the environment
        process.environment().put("GOVLIFE_DATA_DIR", dataDir.toString());
        process.environment().put("GOVLIFE_BOOTSTRAP_ADMIN_TOKEN", Api.ADMIN_TOKEN);
        return process
                .redirectErrorStream(true)
                .redirectOutput(new File(dataDir.toFile(), "app.log"))
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
