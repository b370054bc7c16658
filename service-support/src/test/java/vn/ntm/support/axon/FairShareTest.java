package vn.ntm.support.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fair share of a streaming processor's segments among live instances, as a table. Catches a floor instead of a
 * ceiling (16 segments among 3 instances would leave one segment unheld: 5 + 5 + 5), a share computed without the
 * instance itself (zero live instances dividing by zero) and a surplus that gives up the wrong count.
 */
class FairShareTest {

    @ParameterizedTest(name = "{0} segments among {1} live instances: at most {2} each")
    @CsvSource({
            "16, 1, 16",
            "16, 2, 8",
            "16, 3, 6",
            "16, 4, 4",
            "16, 5, 4",
            "16, 16, 1",
            "16, 17, 1",
            "16, 0, 16",
            "1, 2, 1",
            "0, 2, 0",
            "7, 2, 4",
    })
    void eachInstanceMayHoldTheCeilingOfSegmentsOverInstances(int segments, int live, int share) {
        assertThat(FairShare.of(segments, live)).isEqualTo(share);
        assertThat(FairShare.of(segments, live) * Math.max(1, live)).as("together they can hold every segment")
                .isGreaterThanOrEqualTo(segments);
    }

    @ParameterizedTest(name = "holding {0} of 16 with {1} live: gives up {2}")
    @CsvSource({
            "16, 1, 0",
            "16, 2, 8",
            "8, 2, 0",
            "9, 2, 1",
            "16, 3, 10",
            "0, 2, 0",
    })
    void anInstanceGivesUpWhatItHoldsAboveItsShare(int held, int live, int givenUp) {
        Set<Integer> segments = IntStream.range(0, held).boxed().collect(Collectors.toSet());
        assertThat(FairShare.surplus(segments, 16, live)).hasSize(givenUp);
    }

    /** The highest ids go, the lowest stay, so a log of releases reads the same on every round. */
    @Test
    void theHighestSegmentsAreGivenUp() {
        assertThat(FairShare.surplus(Set.of(3, 0, 15, 7, 9), 6, 2)).isEqualTo(List.of(9, 15));
    }
}
