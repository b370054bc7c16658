package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchmarkRunTest {

    @ParameterizedTest(name = "{0} accepted, {1} refused: mostly accepted {2}")
    @CsvSource({
            "100, 0, true",
            "99, 1, true",      // exactly 1% refused still goes on
            "98, 2, false",
            "0, 0, false",      // nothing accepted: nothing to measure
            "1000, 11, false"})
    void aLoadGoesOnWhileAtMostOnePercentIsRefused(int accepted, int refused, boolean goesOn) {
        assertThat(BenchmarkRun.mostlyAccepted(accepted, refused)).isEqualTo(goesOn);
    }
}
