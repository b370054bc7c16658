package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void percentilesReadAsTheTableShowsThem() {
        Percentiles p = new Percentiles(100, 12.345, 150, 0.5, 2_000);

        assertThat(Progress.percentiles(p)).isEqualTo("p50 12.35 · p95 150 · p99 0.5000 ms");
    }

    @Test
    void noValuesReadAsNotAvailable() {
        assertThat(Progress.percentiles(Percentiles.of(new double[0]))).isEqualTo("p50 n/a · p95 n/a · p99 n/a ms");
    }
}
