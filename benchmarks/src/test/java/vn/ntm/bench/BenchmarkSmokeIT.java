package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The whole benchmark at a smoke size, so the harness cannot rot: the platform as processes, every test, the table
 * and both result files. Sizes are far too small for the figures to mean anything; no figure is asserted.
 */
class BenchmarkSmokeIT {

    @Test
    void runsEveryMeasurementAndWritesTheResults() throws Exception {
        Path home = Path.of(System.getProperty("ntm.home", "..")).toAbsolutePath().normalize();
        Path output = home.resolve("benchmarks").resolve("target").resolve("benchmark-smoke");
        BenchmarkSettings smoke = new BenchmarkSettings(2, 2, 60, 4, 10, 2, 20, 5_000, 5, false, output);

        Benchmark benchmark = new Benchmark(home, smoke);
        Path markdown = benchmark.run();

        assertThat(benchmark.results().figures()).extracting(Results.Figure::section)
                .contains("1", "2", "3", "4", "5", "6");
        assertThat(benchmark.results().figures())
                .filteredOn(f -> f.verdict() != Results.Verdict.PENDING)
                .allSatisfy(f -> assertThat(f.value()).as(f.measure()).isNotNull());
        assertThat(Files.readString(markdown)).contains("| 1 | ingest", "## Machine", "cores");
        assertThat(markdown.resolveSibling(markdown.getFileName().toString().replace(".md", ".json"))).exists();
    }
}
