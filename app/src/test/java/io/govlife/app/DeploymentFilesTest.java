package io.govlife.app;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker cannot run in CI, so the files of the {@code docker/} deployment are checked here as text: the compose file
 * is valid YAML with every image pinned, its services, replicas and volumes named, and the Dockerfile builds in
 * stages and runs the application's jar as an unprivileged user.
 */
class DeploymentFilesTest {

    private static final Path DOCKER = Path.of("..", "docker");
    /** A tag that names a version: digits, never "latest". */
    private static final Pattern PINNED = Pattern.compile("[a-z0-9./-]+:(?!latest)[0-9][A-Za-z0-9._-]*");

    @Test
    @SuppressWarnings("unchecked")
    void compose_starts_axon_server_postgresql_two_application_replicas_and_one_published_port() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("axonserver", "postgres", "app", "proxy");
        services.forEach((name, service) -> assertThat((String) service.get("image")).as(name + " image")
                .matches(PINNED));

        Map<String, Object> axonserver = services.get("axonserver");
        assertThat((Map<String, Object>) axonserver.get("environment"))
                .containsEntry("AXONIQ_AXONSERVER_DEVMODE_ENABLED", "false");
        assertThat(mountsOf(axonserver)).contains("axonserver-events:/axonserver/events",
                "axonserver-data:/axonserver/data");
        assertThat(mountsOf(services.get("postgres"))).contains("postgres-data:/var/lib/postgresql/data");

        Map<String, Object> app = services.get("app");
        assertThat((Map<String, Object>) app.get("deploy")).containsEntry("replicas", 2);
        assertThat((Map<String, Object>) app.get("build")).containsEntry("dockerfile", "docker/Dockerfile");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "AXON_AXONSERVER_SERVERS",
                "GOVLIFE_BOOTSTRAP_ADMIN_TOKEN");
        assertThat((String) environment.get("AXON_AXONSERVER_SERVERS")).startsWith("axonserver:");
        assertThat((String) environment.get("SPRING_DATASOURCE_URL")).contains("//postgres:");
        for (String profile : ((String) environment.get("SPRING_PROFILES_ACTIVE")).split(",")) {
            assertThat(getClass().getResource("/application-" + profile.trim() + ".yml"))
                    .as("profile " + profile + " exists").isNotNull();
        }
        assertThat(app).doesNotContainKey("ports");

        assertThat(services.entrySet().stream().filter(s -> s.getValue().containsKey("ports")).map(Map.Entry::getKey))
                .containsExactly("proxy");
        assertThat((List<String>) services.get("proxy").get("ports")).hasSize(1);
        assertThat(Files.readString(DOCKER.resolve("nginx.conf"))).contains("server app:8080");

        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        List<String> named = services.values().stream().flatMap(s -> mountsOf(s).stream())
                .map(mount -> mount.substring(0, mount.indexOf(':'))).filter(source -> !source.startsWith("."))
                .toList();
        assertThat(volumes).containsOnlyKeys(named.toArray(String[]::new));
    }

    @Test
    void dockerfile_builds_in_stages_and_runs_the_jar_as_an_unprivileged_user() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<String> stages = lines.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        stages.forEach(stage -> assertThat(stage.split("\\s+")[1]).as(stage).matches(PINNED));

        List<String> runtime = lines.subList(lines.indexOf(stages.get(stages.size() - 1)), lines.size());
        // the build stage extracts the jar; the runtime stage copies that layout and trains its CDS archive
        assertThat(lines.subList(0, lines.indexOf(stages.get(stages.size() - 1))))
                .anyMatch(line -> line.contains("-Djarmode=tools -jar app/target/govlife.jar extract --destination "
                        + "/src/extracted"));
        assertThat(runtime).anyMatch(line -> line.equals("COPY --from=build --chown=govlife:govlife /src/extracted "
                + "/app/govlife"));
        assertThat(runtime).filteredOn(line -> line.startsWith("USER ")).singleElement()
                .satisfies(user -> assertThat(user).isNotIn("USER root", "USER 0"));
        int user = runtime.indexOf(runtime.stream().filter(line -> line.startsWith("USER ")).findFirst().orElseThrow());
        assertThat(runtime.subList(user, runtime.size())).as("trained as the user that runs it")
                .anyMatch(line -> line.contains("-XX:ArchiveClassesAtExit=/app/govlife.jsa"));
        assertThat(runtime).anyMatch(line -> line.contains("-Dspring.context.exit=onRefresh -jar /app/govlife/govlife.jar"));
        assertThat(runtime.get(runtime.size() - 1)).isEqualTo(
                "ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/govlife.jsa\", \"-jar\", \"/app/govlife/govlife.jar\"]");
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>govlife</finalName>");
    }

    @SuppressWarnings("unchecked")
    private static List<String> mountsOf(Map<String, Object> service) {
        Object volumes = service.get("volumes");
        return volumes == null ? List.of() : (List<String>) volumes;
    }
}
