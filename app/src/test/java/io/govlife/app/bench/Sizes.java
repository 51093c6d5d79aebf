package io.govlife.app.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big each benchmark is. {@link #full()} is what BENCHMARKS.md reports; {@link #smoke()} runs the same code in
 * seconds inside the normal build, so it never rots. Any figure can be overridden with a system property
 * {@code bench.<name>} (e.g. {@code -Dbench.replayGovs=2000}) to try a size without editing code. The first minute
 * after a start, and each way of starting, is measured {@code restarts} times, in windows of {@code window}, at the concurrency its targets name.
 */
record Sizes(String name, int runs, int govs, Duration warmup, Duration measure, List<Integer> concurrencies,
             int hotWriters, List<Integer> histories, int historyProbes, int replayGovs, int replayEventsPerGov,
             int integrators, Duration firstMinute, Duration window, int restarts) {

    static Sizes full() {
        return new Sizes("full", 3, integer("govs", 1000), duration("warmup", "PT30S"), duration("measure", "PT15S"),
                List.of(1, 16, 64), 16, List.of(10, 1_000, integer("longestHistory", 100_000)),
                integer("historyProbes", 20), integer("replayGovs", 10_000), integer("replayEventsPerGov", 100),
                integer("integrators", 1000), duration("firstMinute", "PT60S"), duration("window", "PT10S"),
                integer("restarts", 3));
    }

    static Sizes smoke() {
        return new Sizes("smoke", 3, 10, Duration.ofMillis(200), Duration.ofMillis(700), List.of(1, 4), 4,
                List.of(10, 60), 3, 20, 5, 5, Duration.ofSeconds(2), Duration.ofSeconds(1), 1);
    }

    /** c=16, the concurrency the targets name; the smoke run's highest. */
    int targetConcurrency() {
        return concurrencies.contains(16) ? 16 : concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static int integer(String name, int otherwise) {
        return Integer.getInteger("bench." + name, otherwise);
    }

    private static Duration duration(String name, String otherwise) {
        return Duration.parse(System.getProperty("bench." + name, otherwise));
    }
}
