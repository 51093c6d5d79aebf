package io.govlife.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar ({@code govlife.jar} system property, set by failsafe) run as its own process, configured the
 * way the README says an operator does: through the environment.
 */
public final class PackagedApp {

    private final Path dataDir;
    private final int port;

    public PackagedApp(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public Api api() {
        return new Api(port);
    }

    /** Starts the jar with these extra arguments, its output going to {@code log} in the data directory. */
    public Process start(String log, String... arguments) throws IOException {
        return start(log, "-Xmx384m", Map.of(), arguments);
    }

    /** Starts the jar with this heap limit, these extra environment variables and arguments. */
    public Process start(String log, String maxHeap, Map<String, String> environment, String... arguments)
            throws IOException {
        String jar = jar();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), maxHeap, "-jar", jar, "--server.port=" + port));
        command.addAll(List.of(arguments));
        ProcessBuilder process = new ProcessBuilder(command);
        process.environment().put("GOVLIFE_DATA_DIR", dataDir.toString());
        process.environment().put("GOVLIFE_BOOTSTRAP_ADMIN_TOKEN", Api.ADMIN_TOKEN);
        process.environment().putAll(environment);
        return process.redirectErrorStream(true).redirectOutput(new File(dataDir.toFile(), log)).start();
    }

    /** The packaged jar's path, from the {@code govlife.jar} system property failsafe sets. */
    public static String jar() {
        String jar = System.getProperty("govlife.jar");
        assertThat(jar).as("the packaged jar (system property govlife.jar)").isNotNull();
        return jar;
    }

    public void awaitReady() {
        Api api = api();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> api.asAdmin("GET", "/api/admin/tokens", null).status() == 200);
    }
}
