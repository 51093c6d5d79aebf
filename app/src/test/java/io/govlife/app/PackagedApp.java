package io.govlife.app;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar ({@code govlife.jar} system property, set by failsafe) run as its own process, configured the
 * way the README says an operator does: through the environment. Registered as a test's extension
 * ({@code @RegisterExtension}), it kills every process it started once the test is done.
 */
public final class PackagedApp implements AfterEachCallback {

    private final Path dataDir;
    private final int port;
    private final List<Process> started = new CopyOnWriteArrayList<>();

    public PackagedApp(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    /** On a fresh data directory of its own. */
    public static PackagedApp onFreshDataDir() {
        try {
            return new PackagedApp(LiveApplication.freshDataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dataDir() {
        return dataDir;
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
        return start(log, List.of(maxHeap, "-jar", jar()), environment, arguments);
    }

    /** Starts {@code java} with these options (which name what it runs), environment variables and arguments. */
    public Process start(String log, List<String> javaOptions, Map<String, String> environment, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(javaOptions);
        command.add("--server.port=" + port);
        command.addAll(List.of(arguments));
        ProcessBuilder process = new ProcessBuilder(command);
        process.environment().put("GOVLIFE_DATA_DIR", dataDir.toString());
        process.environment().put("GOVLIFE_BOOTSTRAP_ADMIN_TOKEN", Api.ADMIN_TOKEN);
        process.environment().putAll(environment);
        Process app = process.redirectErrorStream(true).redirectOutput(new File(dataDir.toFile(), log)).start();
        started.add(app);
        return app;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(Process::destroyForcibly);
    }

    /** The packaged jar's path, from the {@code govlife.jar} system property failsafe sets. */
    public static String jar() {
        String jar = System.getProperty("govlife.jar");
        assertThat(jar).as("the packaged jar (system property govlife.jar)").isNotNull();
        return jar;
    }

    public void awaitReady() {
        awaitReady(Duration.ofMillis(250));
    }

    /** Polls this often: a benchmark timing the start polls finely, so the interval does not become the figure. */
    public void awaitReady(Duration pollInterval) {
        Api api = api();
        await().atMost(Duration.ofSeconds(120)).pollInterval(pollInterval).ignoreExceptions()
                .until(() -> api.asAdmin("GET", "/api/admin/tokens", null).status() == 200);
    }
}
