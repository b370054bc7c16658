package vn.ntm.criteria.catalogue.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A margin reads the same for every comparator: positive = met with that much to spare, negative = short by that
 * much. It was value minus threshold, so a failing "≤" rule showed a positive margin.
 */
class ComparatorTest {

    @Test
    void aMetAtLeastRuleHasAPositiveMarginAndAFailingOneANegativeMargin() {
        assertThat(Comparator.GE.margin(dec("99"), dec("98"))).isEqualByComparingTo("1");
        assertThat(Comparator.GE.margin(dec("95"), dec("98"))).isEqualByComparingTo("-3");
    }

    @Test
    void aFailingAtMostRuleHasANegativeMarginAndAMetOneAPositiveMargin() {
        assertThat(Comparator.LE.margin(dec("7"), dec("5"))).as("7 % poor households against ≤ 5 %: 2 short")
                .isEqualByComparingTo("-2");
        assertThat(Comparator.LE.margin(dec("3.5"), dec("5"))).isEqualByComparingTo("1.5");
    }

    @Test
    void anEqualsRuleHasNoRoomToSpareAndAnyDifferenceIsAShortfall() {
        assertThat(Comparator.EQ.margin(dec("0"), dec("0"))).isEqualByComparingTo("0");
        assertThat(Comparator.EQ.margin(dec("2"), dec("0"))).isEqualByComparingTo("-2");
        assertThat(Comparator.EQ.margin(dec("-2"), dec("0"))).isEqualByComparingTo("-2");
    }

    @Test
    void theMarginIsNeverNegativeWhenTheRuleHolds() {
        for (Comparator comparator : Comparator.values()) {
            for (String value : new String[] {"0", "4.99", "5", "5.01", "100"}) {
                BigDecimal margin = comparator.margin(dec(value), dec("5"));
                assertThat(margin.signum() >= 0).as(comparator + " " + value)
                        .isEqualTo(comparator.holds(dec(value), dec("5")));
            }
        }
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
