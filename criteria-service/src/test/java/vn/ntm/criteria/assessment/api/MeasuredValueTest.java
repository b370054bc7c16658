package vn.ntm.criteria.assessment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MeasuredValueTest {

    @Test
    void aRateIsComparedAsAnExactPercentage() {
        assertThat(new MeasuredValue(null, 2L, 3L, null).comparable()).isBetween(new BigDecimal("66.666"),
                new BigDecimal("66.667"));
        assertThat(new MeasuredValue(null, 95L, 100L, null).comparable()).isEqualByComparingTo("95");
    }

    @Test
    void theSameValueTypedDifferentlyIsOneMeasurement() {
        assertThat(new MeasuredValue(new BigDecimal("54.0"), null, null, null).fingerprint())
                .isEqualTo(new MeasuredValue(new BigDecimal("54"), null, null, null).fingerprint());
    }

    @Test
    void refusesImpossibleCounts() {
        assertThatThrownBy(() -> new MeasuredValue(null, 5L, 4L, null)).hasMessageContaining("numerator-above-denominator");
        assertThatThrownBy(() -> new MeasuredValue(null, -1L, 4L, null)).hasMessageContaining("negative-value");
        assertThatThrownBy(() -> new MeasuredValue(null, 0L, 0L, null)).hasMessageContaining("denominator-not-positive");
        assertThatThrownBy(() -> new MeasuredValue(null, 3L, null, null)).hasMessageContaining("rate-needs-both-counts");
        assertThatThrownBy(() -> new MeasuredValue(new BigDecimal("-1"), null, null, null))
                .hasMessageContaining("negative-value");
    }

    @Test
    void needsExactlyOneForm() {
        assertThatThrownBy(() -> new MeasuredValue(null, null, null, null)).hasMessageContaining("one-value-form");
        assertThatThrownBy(() -> new MeasuredValue(BigDecimal.ONE, null, null, true)).hasMessageContaining("one-value-form");
    }
}
