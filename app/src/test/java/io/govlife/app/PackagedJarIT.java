package io.govlife.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.awaitility.Awaitility;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /**
     * The jar carries the beans Spring's ahead-of-time processing prepared for the embedded default (README "Start-up
     * time"): started with them, the node takes commands, projects, publishes and answers the integrators' reads.
     */
    @Test
    void started_ahead_of_time_the_embedded_default_serves_commands_projections_and_public_reads() throws Exception {
        app.start("aot.log", List.of("-Xmx384m", "-Dspring.aot.enabled=true", "-jar", PackagedApp.jar()), Map.of());
        app.awaitReady();
        assertThat(Files.readString(app.dataDir().resolve("aot.log")))
                .contains("Starting AOT-processed GovlifeApplication");
        Api api = app.api();
        String fingerprint = "cd".repeat(32);
        assertThat(api.post("/api/govs", "{\"name\":\"aot.gov\",\"archetype\":\"SERVICE\"}").status()).isEqualTo(201);
        assertThat(api.put("/api/govs/aot.gov/services/ATLAS", "{\"fingerprint\":\"" + fingerprint + "\"}").status())
                .isEqualTo(200);
        Api.Reply published = api.post("/api/govs/aot.gov/publications", "{\"notes\":\"ahead of time\"}");
        assertThat(published.status()).as("%s", published).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Api.Reply config = api.send("GET", "/api/govs/aot.gov/config", null, "-X-Operator");
            assertThat(config.status()).as("%s", config).isEqualTo(200);
            assertThat(config.body()).contains(fingerprint);
            assertThat(api.send("GET", "/govs/aot.gov", null, "-X-Operator", "Accept", "text/html").body())
                    .contains("aot.gov");
        });
    }

    @Test
    void started_ahead_of_time_with_a_profile_it_was_not_prepared_for_the_node_refuses_to_start() throws Exception {
        Process refused = app.start("aot-postgres.log", List.of("-Xmx384m", "-Dspring.aot.enabled=true", "-jar",
                PackagedApp.jar()), Map.of(), "--spring.profiles.active=postgres");
        assertThat(refused.waitFor(60, TimeUnit.SECONDS)).as("the start ends by itself").isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(Files.readString(app.dataDir().resolve("aot-postgres.log")))
                .contains("the ahead-of-time start is prepared for the embedded default")
                .contains("profiles [postgres]").doesNotContain("HikariPool-1 - Start");
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
