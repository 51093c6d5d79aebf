package io.govlife.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar ships what runs and nothing Axon's modules merely bring along: no XStream (Jackson is the serializer
 * everywhere), no disruptor (the command bus is the simple one), no Reactor (no subscription queries). CrashIT and
 * GracefulShutdownIT start this very jar, so its running without them is tested too.
 */
class PackagedJarIT {

    @RegisterExtension
    final PackagedApp app = PackagedApp.onFreshDataDir();

    /**
     * An operator reads every WARN as "act on this": a first start on a fresh data directory, and its first commands,
     * log none but the one that does ask for action (the bootstrap admin token in force, to be replaced by a stored one).
     */
    @Test
    void a_clean_start_and_its_first_commands_log_no_warning_that_needs_no_action() throws IOException {
        app.start("start.log");
        app.awaitReady();
        // the first commands too: Axon registers its bus gauges again at each, and Micrometer warned of it once
        Api api = app.api();
        for (String gov : List.of("first.gov", "second.gov")) {
            assertThat(api.post("/api/govs", "{\"name\":\"" + gov + "\",\"archetype\":\"SERVICE\"}").status())
                    .isEqualTo(201);
            assertThat(api.put("/api/govs/" + gov + "/services/ATLAS", "{\"fingerprint\":\"" + "ab".repeat(32)
                    + "\"}").status()).isEqualTo(200);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                Files.readString(app.dataDir().resolve("start.log")).contains("gov=second.gov"));
        List<String> warnings = Files.readAllLines(app.dataDir().resolve("start.log")).stream()
                .filter(line -> line.contains(" WARN ") || line.contains("AxonIQ Console"))
                .filter(line -> !line.contains("BootstrapAdminToken"))
                .toList();
        assertThat(Files.readString(app.dataDir().resolve("start.log"))).contains("Started GovlifeApplication");
        assertThat(warnings).isEmpty();
    }

    @Test
    void the_jar_leaves_out_what_govlife_does_not_use() throws IOException {
        List<String> libraries;
        try (JarFile jar = new JarFile(PackagedApp.jar())) {
            libraries = jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length())).toList();
        }
        assertThat(libraries).as("the libraries the jar carries").anyMatch(name -> name.startsWith("axon-messaging-"))
                .anyMatch(name -> name.startsWith("jackson-databind-"));
        assertThat(libraries).noneMatch(name -> name.startsWith("xstream-"))
                .noneMatch(name -> name.startsWith("mxparser-"))
                .noneMatch(name -> name.startsWith("disruptor-"))
                .noneMatch(name -> name.startsWith("reactor-core-"));
    }
}
