package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CriteriaSetInUseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    @Test
    void readsEveryIndicatorOfEveryCriterionAndTheSetsDates() {
        CriteriaSetInUse set = CriteriaSetInUse.of(Http.JSON.readTree("""
                {"effectiveFrom": "2021-01-01", "effectiveTo": "2025-12-31", "criteria": [
                  {"indicators": [{"code": "1.1", "kind": "PASS_FAIL", "unit": null}]},
                  {"indicators": [{"code": "10.1", "kind": "NUMBER", "unit": "triệu đồng/người/năm"},
                                  {"code": "10.2", "kind": "RATE", "unit": null}]}]}
                """), TODAY);

        assertThat(set.indicators()).containsExactly(new Indicator("1.1", "PASS_FAIL", null),
                new Indicator("10.1", "NUMBER", "triệu đồng/người/năm"), new Indicator("10.2", "RATE", null));
        assertThat(set.firstDay()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(set.lastDay()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void anOpenEndedSetIsMeasuredUntilToday() {
        CriteriaSetInUse set = CriteriaSetInUse.of(Http.JSON.readTree("""
                {"effectiveFrom": "2021-01-01", "effectiveTo": null, "criteria": []}
                """), TODAY);

        assertThat(set.lastDay()).isEqualTo(TODAY);
        assertThat(CriteriaSetInUse.lastDay(null, TODAY)).isEqualTo(TODAY);
    }

    @Test
    void aSetEndingAfterTodayIsMeasuredUntilToday() {
        // a later date would be refused as in the future
        assertThat(CriteriaSetInUse.lastDay(TODAY.plusDays(1), TODAY)).isEqualTo(TODAY);
        assertThat(CriteriaSetInUse.lastDay(TODAY, TODAY)).isEqualTo(TODAY);
        assertThat(CriteriaSetInUse.lastDay(TODAY.minusDays(1), TODAY)).isEqualTo(TODAY.minusDays(1));
    }
}
