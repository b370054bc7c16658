package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfOneToAHundred() {
        Percentiles p = Percentiles.of(IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray());
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void noValuesGiveNoFigures() {
        assertThat(Percentiles.of(new double[0]).p99()).isNaN();
    }
}
