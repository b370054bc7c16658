package vn.ntm.reporting.programme.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ntm.reporting.statuses.query.StatusTimelines.MeasuredValue;

/** A plan target's state from its measured values and its due date. */
class TargetProgressTest {

    private static final LocalDate DUE = LocalDate.of(2024, 12, 31);

    @Test
    void aTargetMetByTheLatestValueIsAchieved() {
        assertThat(state(LocalDate.of(2024, 6, 1), value("2024-03-01", "97"), value("2024-05-01", "100")))
                .isEqualTo("ACHIEVED");
    }

    @Test
    void aRisingTrendThatReachesTheTargetByTheDueDateIsOnTrack() {
        assertThat(state(LocalDate.of(2024, 6, 1), value("2024-01-01", "90"), value("2024-05-01", "96")))
                .isEqualTo("ON_TRACK");
    }

    @Test
    void aTrendThatFallsShortIsAtRisk() {
        assertThat(state(LocalDate.of(2024, 6, 1), value("2024-01-01", "95"), value("2024-05-01", "95.1")))
                .isEqualTo("AT_RISK");
    }

    @Test
    void aTargetNotMetAfterItsDueDateIsMissed() {
        assertThat(state(LocalDate.of(2025, 1, 1), value("2024-05-01", "99"))).isEqualTo("MISSED");
    }

    @Test
    void nothingMeasuredIsNoData() {
        assertThat(state(LocalDate.of(2024, 6, 1))).isEqualTo("NO_DATA");
    }

    @Test
    void comparatorsAreReadBothAsSymbolsAndAsCodes() {
        assertThat(TargetProgressRule.meets(new BigDecimal("2"), "<=", new BigDecimal("3"))).isTrue();
        assertThat(TargetProgressRule.meets(new BigDecimal("2"), "LT", new BigDecimal("2"))).isFalse();
        assertThat(TargetProgressRule.meets(new BigDecimal("54"), ">=", new BigDecimal("54"))).isTrue();
        assertThat(TargetProgressRule.meets(new BigDecimal("99.6"), ">", new BigDecimal("99.6"))).isFalse();
    }

    private static String state(LocalDate asOf, MeasuredValue... values) {
        return TargetProgressRule.progress("t", "SET", "4.2", "4", "điện", ">=", new BigDecimal("100"), "%", DUE,
                List.of(values), null, asOf).state();
    }

    private static MeasuredValue value(String on, String value) {
        return new MeasuredValue("u", "SET", "4.2", "m-" + on, new BigDecimal(value), null, LocalDate.parse(on),
                Instant.parse(on + "T00:00:00Z"), false);
    }
}
