package io.govlife.app.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark suite at full size on H2 and on durable PostgreSQL, and its command path on PostgreSQL with fsync
 * off as a labelled second column; rewrites BENCHMARKS.md at the repository root. Run only
 * by the {@code bench} profile ({@code mvn -B -Pbench verify}); the notes that follow the figures come from
 * {@code src/test/resources/bench/NOTES.md}.
 */
class GovlifeBenchmarks {

    @Test
    void measure_and_write_benchmarks_md() throws Exception {
        Sizes sizes = Sizes.full();
        Figures figures = new Figures();
        BenchmarkSuite suite = new BenchmarkSuite(sizes, figures);
        Storage h2 = Storage.h2();
        Storage postgres = Storage.postgres();
        Storage fsyncOff = Storage.postgresFsyncOff();
        suite.run(h2);
        suite.run(postgres);
        suite.runCommands(fsyncOff);

        String notes = new String(GovlifeBenchmarks.class.getResourceAsStream("/bench/NOTES.md").readAllBytes());
        Path report = Path.of("..", "BENCHMARKS.md");
        new BenchmarkReport(sizes, figures, List.of(h2, postgres, fsyncOff)).write(report, notes);
        assertThat(Files.readString(report)).contains("## Replay");
    }
}
