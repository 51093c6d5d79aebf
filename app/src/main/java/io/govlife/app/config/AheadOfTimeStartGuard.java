package io.govlife.app.config;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -Dspring.aot.enabled=true} starts the beans Spring's ahead-of-time processing prepared when the jar was
 * built, with every condition decided then, for the embedded default (an H2 file, no profile, no trace export). A
 * start on PostgreSQL or Axon Server with it would run with the embedded default's beans (H2's file compaction against
 * PostgreSQL, no Axon Server connector), one exporting traces would export none: such a start is refused, naming
 * what it asked for, before anything is created. The build's own environment decides the prepared beans too, so the
 * jar is to be built without {@code SPRING_*} or {@code GOVLIFE_*} settings in it (README "Start-up time").
 * Registered in {@code META-INF/spring.factories}, which instantiates it without its being public.
 */
class AheadOfTimeStartGuard implements EnvironmentPostProcessor, Ordered {

    /** Profiles that set only how the node logs, which the logging system reads at every start, not beans. */
    private static final Set<String> LOGGING_ONLY_PROFILES = Set.of("json-logs");
    private static final Pattern JDBC_SCHEME = Pattern.compile("(jdbc:[a-z0-9]+):");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        refusal(AotDetector.useGeneratedArtifacts(), environment).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }

    /** After the configuration files and profiles are read: what this start asks for is known. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static Optional<String> refusal(boolean aheadOfTime, ConfigurableEnvironment environment) {
        if (!aheadOfTime) {
            return Optional.empty();
        }
        List<String> asked = new ArrayList<>();
        List<String> profiles = Arrays.stream(environment.getActiveProfiles())
                .filter(profile -> !LOGGING_ONLY_PROFILES.contains(profile)).toList();
        if (!profiles.isEmpty()) {
            asked.add("profiles " + profiles);
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:file:")) {
            // the scheme alone: a URL may carry credentials
            Matcher scheme = JDBC_SCHEME.matcher(url);
            asked.add(scheme.lookingAt() ? "a " + scheme.group(1) + " database" : "another database");
        }
        if (environment.getProperty("axon.axonserver.enabled", Boolean.class, false)) {
            asked.add("Axon Server");
        }
        // decided at build time as well: the trace exporter exists only when its endpoint was set then
        if (!environment.getProperty("management.otlp.tracing.endpoint", "").isBlank()) {
            asked.add("trace export (management.otlp.tracing.endpoint)");
        }
        if (environment.containsProperty("management.server.port")) {
            asked.add("a management port of its own (management.server.port)");
        }
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("spring.aot.enabled: the ahead-of-time start is prepared for the embedded default (H2, no "
                + "profile), and this start asks for " + String.join(", ", asked)
                + "; start it without -Dspring.aot.enabled=true");
    }
}
