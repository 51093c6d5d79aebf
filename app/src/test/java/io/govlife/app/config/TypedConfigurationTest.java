package io.govlife.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govlife.command.CommandSideProperties;
import io.govlife.query.QuerySideProperties;
import io.govlife.saga.SagaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code govlife.*} setting is typed, validated and described: a bad value stops start-up naming the setting,
 * each setting application.yml sets has configuration metadata, and no code reads one past the typed classes.
 */
class TypedConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({GovlifeProperties.class, CommandSideProperties.class, QuerySideProperties.class,
            SagaProperties.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AllSettings.class);

    @ParameterizedTest
    @CsvSource({
            "govlife.webhooks.first-retry, PT0S",
            "govlife.webhooks.give-up-after, -PT1H",
            "govlife.webhooks.poll-interval, 0",
            "govlife.webhooks.secret-overlap, -PT1S",
            "govlife.stream.poll-interval, PT0S",
            "govlife.stream.recheck-interval, -1s",
            "govlife.public-reads.recheck, -PT1S",
            "govlife.public-reads.recheck, PT31S",
            "govlife.idempotency.retention, PT0S",
            "govlife.bump.reminder-before, PT0S",
            "govlife.public-url, ftp://example.org",
            "govlife.public-url, not a url",
            "govlife.webhooks.first-retry, soon"})
    void a_bad_value_stops_start_up_naming_the_setting(String setting, String value) {
        context.withPropertyValues(setting + "=" + value).run(started -> {
            assertThat(started).hasFailed();
            assertThat(messages(started.getStartupFailure())).contains(setting);
        });
    }

    @Test
    void the_defaults_start_and_are_the_documented_ones() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            SagaProperties sagas = started.getBean(SagaProperties.class);
            assertThat(sagas.webhooks().giveUpAfter()).isEqualTo(Duration.ofHours(72));
            assertThat(sagas.bump().reminderBefore()).isEqualTo(Duration.ofHours(6));
            assertThat(started.getBean(CommandSideProperties.class).webhooks().secretOverlap())
                    .isEqualTo(Duration.ofHours(24));
            assertThat(started.getBean(QuerySideProperties.class).stream().recheckInterval())
                    .isEqualTo(Duration.ofSeconds(5));
            assertThat(started.getBean(QuerySideProperties.class).publicReads().recheck())
                    .isEqualTo(Duration.ofSeconds(1));
            assertThat(started.getBean(GovlifeProperties.class).idempotency().retention())
                    .isEqualTo(Duration.ofHours(24));
        });
    }

    @Test
    void every_setting_application_yml_sets_has_configuration_metadata() throws IOException {
        Set<String> described = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (Resource metadata : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = metadata.getInputStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    described.add(property.path("name").asText());
                }
            }
        }
        Set<String> set = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            flatten("govlife", yaml.get("govlife"), set);
        }
        assertThat(set).hasSizeGreaterThan(20);
        assertThat(described).containsAll(set);
    }

    @Test
    void no_code_reads_a_govlife_setting_past_the_typed_classes() throws IOException {
        Set<String> readers = new TreeSet<>();
        for (String module : new String[] {"command-side", "query-side", "sagas", "app"}) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (Files.readString(file).contains("@Value(\"${govlife.")) {
                        readers.add(file.toString());
                    }
                }
            }
        }
        assertThat(readers).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> flatten(prefix + "." + key, value, into));
        } else {
            into.add(prefix);
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
