package io.govlife.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** Writes BENCHMARKS.md: when, on what, with which command, every figure with its spread, ratios and targets. */
final class BenchmarkReport {

    static final String COMMAND = "mvn -B -Pbench verify";

    private final Sizes sizes;
    private final Figures figures;
    private final List<String> storages;
    private final List<Storage> settings;

    BenchmarkReport(Sizes sizes, Figures figures, List<Storage> storages) {
        this.sizes = sizes;
        this.figures = figures;
        this.storages = storages.stream().map(Storage::kind).toList();
        this.settings = storages;
    }

    void write(Path file, String notes) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `").append(command(System.getProperties())).append("` (the `bench` profile; sizes \"")
                .append(sizes.name())
                .append("\") — do not edit by hand; notes on what the figures mean are in the last section.\n\n");
        md.append("- Date: ").append(LocalDate.now()).append('\n');
        md.append("- Machine: ").append(machine()).append('\n');
        md.append("- Each figure: median of ").append(sizes.runs()).append(" runs, lowest and highest run in ")
                .append("brackets. Measured period ").append(sizes.measure().toMillis() / 1000.0).append(" s after ")
                .append(sizes.warmup().toMillis() / 1000.0).append(" s of warm-up; ").append(sizes.govs())
                .append(" govs for the spread load; the application runs as its packaged jar with -Xmx512m; every HTTP")
                .append(" load comes from a client in a JVM of its own (`LoadClient`).\n");
        md.append("- Storages: ");
        md.append(String.join("; ", settings.stream().map(s -> s.kind() + ": " + s.durability()).toList()))
                .append("\n\n");
        targets(md);
        for (String section : List.of(BenchmarkSuite.COMMANDS, BenchmarkSuite.FIRST_MINUTE, BenchmarkSuite.HOT,
                BenchmarkSuite.HISTORIES,
                BenchmarkSuite.REPLAY, BenchmarkSuite.FAN_OUT, BenchmarkSuite.FOOTPRINT)) {
            table(md, section);
        }
        md.append("## Ratios to the baselines\n\n| Ratio |");
        storages.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append("\n|---|");
        storages.forEach(s -> md.append("---:|"));
        md.append('\n');
        for (int c : sizes.concurrencies()) {
            ratioRow(md, "commands/s ÷ JDBC commits/s at c=" + c, BenchmarkSuite.COMMANDS, "c=" + c + " commands",
                    "c=" + c + " JDBC baseline");
        }
        ratioRow(md, "replay events/s ÷ JDBC read + Jackson events/s", BenchmarkSuite.REPLAY,
                "rebuild of every read model", "baseline: JDBC read + Jackson");
        for (String loading : List.of(BenchmarkSuite.CACHED, BenchmarkSuite.SNAPSHOTS_ON)) {
            for (int length : sizes.histories()) {
                ratioRow(md, "latency at " + length + " events ÷ latency at " + sizes.histories().get(0)
                        + " (" + loading + ")", BenchmarkSuite.HISTORIES, length + " events, " + loading + ": median",
                        sizes.histories().get(0) + " events, " + loading + ": median");
            }
        }
        md.append('\n').append(notes);
        Files.writeString(file, md.toString());
    }

    /** Each target of the performance issue beside its figure, per storage: met, or missed and by how much. */
    private void targets(StringBuilder md) {
        String c = "c=" + sizes.targetConcurrency();
        String baseline = c + " JDBC baseline";
        md.append("## Targets\n\n| Target |");
        storages.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append("\n|---|");
        storages.forEach(s -> md.append("---|"));
        md.append('\n');
        target(md, "commands at " + c + " ≥ 50 % of the JDBC commit rate", 0.5, true, "%",
                s -> ratio(s, BenchmarkSuite.COMMANDS, c + " commands", BenchmarkSuite.COMMANDS, baseline));
        target(md, "p99 at " + c + " ≤ 50 ms", 50, false, "ms", s -> median(s, BenchmarkSuite.COMMANDS, c + " p99"));
        target(md, "first 30 s after a restart, " + c + ", ≥ 25 % of the JDBC commit rate", 0.25, true, "%",
                s -> ratio(s, BenchmarkSuite.FIRST_MINUTE, BenchmarkSuite.FIRST_30_S, BenchmarkSuite.COMMANDS,
                        baseline));
        target(md, "rebuild of every read model ≥ 50,000 events/s", 50_000, true, "events/s",
                s -> median(s, BenchmarkSuite.REPLAY, "rebuild of every read model"));
        target(md, "heap after the rebuild ≤ 512 MB (-Xmx512m)", 512, false, "MB",
                s -> median(s, BenchmarkSuite.FOOTPRINT, "heap in use after replay"));
        for (String startUp : List.of(BenchmarkSuite.START_UP, BenchmarkSuite.START_UP_EXTRACTED,
                BenchmarkSuite.START_UP_CDS, BenchmarkSuite.START_UP_AOT)) {
            target(md, startUp + " ≤ 5 s", 5, false, "s", s -> median(s, BenchmarkSuite.FOOTPRINT, startUp));
        }
        md.append("\nThe read path's targets (≥ 25 % of nginx) are measured by `bench/read-path.sh`, whose report is ")
                .append("`bench/read-path.md`.\n\n");
    }

    private void target(StringBuilder md, String label, double goal, boolean atLeast, String unit,
                        java.util.function.Function<String, Double> value) {
        md.append("| ").append(label).append(" |");
        for (String storage : storages) {
            Double v = value.apply(storage);
            md.append(' ').append(v == null ? "–" : verdict(v, goal, atLeast, unit)).append(" |");
        }
        md.append('\n');
    }

    static String verdict(double value, double goal, boolean atLeast, String unit) {
        String shown = unit.equals("%") ? String.format(Locale.ROOT, "%.0f %%", value * 100)
                : format(value) + " " + unit;
        if (atLeast ? value >= goal : value <= goal) {
            return shown + ": met";
        }
        return shown + ": missed, " + (atLeast
                ? String.format(Locale.ROOT, "%.0f %% of the target", 100 * value / goal)
                : String.format(Locale.ROOT, "%.1f× the limit", value / goal));
    }

    private Double median(String storage, String section, String name) {
        Figures.Figure figure = figures.get(storage, section, name);
        return figure == null ? null : figure.median();
    }

    private Double ratio(String storage, String topSection, String top, String bottomSection, String bottom) {
        Double numerator = median(storage, topSection, top);
        Double denominator = median(storage, bottomSection, bottom);
        return numerator == null || denominator == null || denominator == 0 ? null : numerator / denominator;
    }

    private void table(StringBuilder md, String section) {
        List<String> names = new ArrayList<>();
        for (String storage : storages) {
            figures.of(storage, section).forEach(f -> {
                if (!names.contains(f.name())) {
                    names.add(f.name());
                }
            });
        }
        md.append("## ").append(section).append("\n\n| Figure | Unit |");
        storages.forEach(s -> md.append(' ').append(s).append(" |"));
        md.append("\n|---|---|");
        storages.forEach(s -> md.append("---:|"));
        md.append('\n');
        for (String name : names) {
            String unit = storages.stream().map(s -> figures.get(s, section, name)).filter(f -> f != null)
                    .findFirst().map(Figures.Figure::unit).orElse("");
            md.append("| ").append(name).append(" | ").append(unit).append(" |");
            for (String storage : storages) {
                Figures.Figure figure = figures.get(storage, section, name);
                md.append(' ').append(figure == null ? "–" : format(figure.median()) + " (" + format(figure.min())
                        + "–" + format(figure.max()) + ")").append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void ratioRow(StringBuilder md, String label, String section, String numerator, String denominator) {
        md.append("| ").append(label).append(" |");
        for (String storage : storages) {
            Double ratio = ratio(storage, section, numerator, denominator);
            md.append(' ').append(ratio == null ? "–" : String.format(Locale.ROOT, "%.2f", ratio)).append(" |");
        }
        md.append('\n');
    }

    Double ratio(String storage, String section, String numerator, String denominator) {
        Figures.Figure top = figures.get(storage, section, numerator);
        Figures.Figure bottom = figures.get(storage, section, denominator);
        return top == null || bottom == null || bottom.median() == 0 ? null : top.median() / bottom.median();
    }

    /** The command that wrote the report: the profile's, with every size or period it overrode ({@link Sizes}). */
    static String command(Properties properties) {
        StringBuilder command = new StringBuilder(COMMAND);
        properties.stringPropertyNames().stream().filter(name -> name.startsWith("bench.")).sorted()
                .forEach(name -> command.append(" -D").append(name).append('=').append(properties.getProperty(name)));
        return command.toString();
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return runtime.availableProcessors() + " cores, " + Math.round(memory / 1073741824.0) + " GB memory, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    private static String format(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
