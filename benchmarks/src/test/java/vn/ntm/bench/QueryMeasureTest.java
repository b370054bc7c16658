package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QueryMeasureTest {

    @Test
    void theMatrixIsAskedAsOfDatesSpreadOverTheSetsPeriodEndingOnItsLastDay() {
        LocalDate first = LocalDate.of(2021, 1, 1);
        LocalDate last = first.plusDays(160);

        assertThat(QueryMeasure.spread(first, last, 16))
                .hasSize(16)
                .startsWith(first.plusDays(10), first.plusDays(20))
                .endsWith(last)
                .doesNotContain(first)
                .isSorted();
    }

    @Test
    void aPeriodShorterThanTheDatesRepeatsDays() {
        LocalDate day = LocalDate.of(2026, 12, 7);

        assertThat(QueryMeasure.spread(day, day.plusDays(1), 4))
                .containsExactly(day, day, day, day.plusDays(1));
    }
}
