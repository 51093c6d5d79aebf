package io.govlife.app.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark suite at tiny sizes, in the normal build (after {@code package}: it runs the jar), so its code keeps
 * working. It checks that every figure is produced and the report written, never how fast anything is. It runs on
 * H2 only, to keep the build short: the suite's code is the same for both storages but for {@link Storage}.
 */
class BenchmarkSmokeIT {

    @Test
    void the_suite_produces_every_figure_and_writes_its_report() throws Exception {
        Sizes sizes = Sizes.smoke();
        Figures figures = new Figures();
        Storage h2 = Storage.h2();
        new BenchmarkSuite(sizes, figures).run(h2);
        List<String> storages = List.of(h2.kind());

        for (String storage : storages) {
            for (String section : List.of(BenchmarkSuite.COMMANDS, BenchmarkSuite.FIRST_MINUTE, BenchmarkSuite.HOT, BenchmarkSuite.HISTORIES,
                    BenchmarkSuite.REPLAY, BenchmarkSuite.FAN_OUT, BenchmarkSuite.FOOTPRINT)) {
                assertThat(figures.of(storage, section)).as(storage + " / " + section).isNotEmpty()
                        .allSatisfy(figure -> assertThat(figure.runs()).as(figure.name()).isNotEmpty()
                                .allSatisfy(v -> assertThat(v).isNotNaN()));
            }
            for (String[] repeated : new String[][] {{BenchmarkSuite.COMMANDS, "c=1 commands"},
                    {BenchmarkSuite.COMMANDS, "c=1 JDBC baseline"}, {BenchmarkSuite.HOT, "share of 409"},
                    {BenchmarkSuite.REPLAY, "rebuild of every read model"},
                    {BenchmarkSuite.REPLAY, "baseline: JDBC read + Jackson"}, {BenchmarkSuite.FAN_OUT, "deliveries"},
                    {BenchmarkSuite.FOOTPRINT, BenchmarkSuite.START_UP},
                    {BenchmarkSuite.HISTORIES, "10 events, " + BenchmarkSuite.CACHED + ": median"},
                    {BenchmarkSuite.HISTORIES, "60 events, " + BenchmarkSuite.SNAPSHOTS_ON + ": median"},
                    {BenchmarkSuite.HISTORIES, "60 events, " + BenchmarkSuite.SNAPSHOTS_OFF + ": median"}}) {
                assertThat(figures.get(storage, repeated[0], repeated[1]).runs()).as(repeated[1])
                        .hasSizeGreaterThanOrEqualTo(sizes.runs());
            }
            assertThat(figures.get(storage, BenchmarkSuite.COMMANDS, "c=1 commands").median()).isPositive();
            assertThat(figures.get(storage, BenchmarkSuite.COMMANDS, "c=1 not 2xx").max()).isZero();
            assertThat(figures.get(storage, BenchmarkSuite.HOT, "5xx").max()).isZero();
            // each restart's first moments, window by window, from the client in its own JVM
            assertThat(figures.get(storage, BenchmarkSuite.FIRST_MINUTE, BenchmarkSuite.FIRST_30_S).runs())
                    .hasSize(sizes.restarts()).allSatisfy(perSecond -> assertThat(perSecond).isPositive());
            assertThat(figures.get(storage, BenchmarkSuite.FIRST_MINUTE, "c=4, 1–2 s: commands/s")).isNotNull();
            for (String startUp : List.of(BenchmarkSuite.START_UP_EXTRACTED, BenchmarkSuite.START_UP_CDS)) {
                assertThat(figures.get(storage, BenchmarkSuite.FOOTPRINT, startUp).runs()).as(startUp)
                        .hasSize(sizes.restarts()).allSatisfy(seconds -> assertThat(seconds).isPositive());
            }
            if (storage.startsWith("H2")) { // the ahead-of-time start is the embedded default's alone
                assertThat(figures.get(storage, BenchmarkSuite.FOOTPRINT, BenchmarkSuite.START_UP_AOT).runs())
                        .hasSize(sizes.restarts()).allSatisfy(seconds -> assertThat(seconds).isPositive());
            }
            assertThat(figures.get(storage, BenchmarkSuite.FIRST_MINUTE, "not 2xx").max()).isZero();
            assertThat(figures.get(storage, BenchmarkSuite.REPLAY, BenchmarkSuite.RESET).runs())
                    .hasSize(sizes.runs() - 1).allSatisfy(seconds -> assertThat(seconds).isPositive());
            assertThat(figures.get(storage, BenchmarkSuite.REPLAY, "events in the log").median())
                    .isEqualTo(sizes.replayGovs() * sizes.replayEventsPerGov());
        }

        Path report = Path.of("target", "BENCHMARKS-smoke.md");
        new BenchmarkReport(sizes, figures, List.of(h2)).write(report, "Smoke run: sizes too small to mean anything.\n");
        assertThat(Files.readString(report)).contains("## Targets", "## Commands over HTTP",
                "## First minute after a restart", "## Replay", "## Fan-out", "H2 (file): WRITE_DELAY=0",
                "commands/s ÷ JDBC commits/s at c=1", BenchmarkReport.machine(), BenchmarkReport.COMMAND);

        // a target says met or missed, and by how much
        assertThat(BenchmarkReport.verdict(0.27, 0.5, true, "%")).isEqualTo("27 %: missed, 54 % of the target");
        assertThat(BenchmarkReport.verdict(85, 50, false, "ms")).isEqualTo("85.00 ms: missed, 1.7× the limit");
        assertThat(BenchmarkReport.verdict(4.2, 5, false, "s")).isEqualTo("4.20 s: met");

        // the report names the exact command: the profile's, with the sizes a run overrode
        Properties run = new Properties();
        run.setProperty("bench.warmup", "PT15S");
        run.setProperty("bench.longestHistory", "100000");
        run.setProperty("java.version", "17");
        assertThat(BenchmarkReport.command(run))
                .isEqualTo("mvn -B -Pbench verify -Dbench.longestHistory=100000 -Dbench.warmup=PT15S");
    }
}
