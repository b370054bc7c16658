package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyMeasureTest {

    @Test
    void delaysRunFromTheAnswerLeavingOutWhatWasNeverSeenAndNeverNegative() {
        long[] acceptedAt = {1_000_000, 2_000_000, 3_000_000, 4_000_000};
        // 0 seen 5 ms after its answer; 1 never; 2 seen by a poll before its answer arrived; 3 not accepted
        Map<Integer, Long> seenAt = Map.of(0, 6_000_000L, 2, 2_500_000L, 3, 9_000_000L);

        double[] delays = LatencyMeasure.delays(List.of(0, 1, 2), seenAt::get, acceptedAt);

        assertThat(delays).containsExactly(5.0, 0.0);
    }
}
