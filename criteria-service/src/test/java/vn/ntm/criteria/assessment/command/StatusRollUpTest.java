package vn.ntm.criteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.api.SetShape;

/** The roll-up of one date as a table: indicators into a criterion (tiêu chí), criteria into the set. */
class StatusRollUpTest {

    /** Version 3 of a set: criterion 1 has two indicators, criterion 2 one, criterion 3 none yet. */
    private static final RuleBook.Period PERIOD = new RuleBook.Period(LocalDate.of(2024, 1, 1), null, 3,
            new SetShape(shape()), Map.of());

    private static Map<String, List<String>> shape() {
        Map<String, List<String>> shape = new LinkedHashMap<>();
        shape.put("1", List.of("1.1", "1.2"));
        shape.put("2", List.of("2.1"));
        shape.put("3", List.of());
        return shape;
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            MET MET               | MET
            MET NOT_MET           | NOT_MET
            NOT_MET UNKNOWN       | NOT_MET
            MET UNKNOWN           | UNKNOWN
            UNKNOWN UNKNOWN       | UNKNOWN
            MET                   | MET
            ''                    | UNKNOWN
            """)
    void partsRollUp(String parts, IndicatorStatus expected) {
        List<IndicatorStatus> statuses = parts == null || parts.isBlank() ? List.of()
                : Arrays.stream(parts.trim().split("\\s+")).map(IndicatorStatus::valueOf).toList();
        assertThat(StatusRollUp.of(statuses)).isEqualTo(expected);
    }

    /** indicator 1.1, 1.2 → criterion 1, under the period's version. */
    @ParameterizedTest(name = "1.1 {0}, 1.2 {1} → criterion 1 {2}")
    @CsvSource(delimiter = '|', textBlock = """
            MET     | MET     | MET
            MET     | NOT_MET | NOT_MET
            MET     | UNKNOWN | UNKNOWN
            UNKNOWN | NOT_MET | NOT_MET
            """)
    void aCriterionRollsUpItsIndicators(IndicatorStatus first, IndicatorStatus second, IndicatorStatus expected) {
        Map<String, IndicatorStatus> indicators = Map.of("1.1", first, "1.2", second);
        assertThat(StatusRollUp.criterion(PERIOD, "1", indicators::get))
                .isEqualTo(new StatusTimelines.CriterionJudgement(expected, 3));
    }

    /** Catches a criterion of another version judged under this one (it has no status in this period). */
    @Test
    void aCriterionTheVersionDoesNotHaveHasNoStatus() {
        assertThat(StatusRollUp.criterion(PERIOD, "9", code -> IndicatorStatus.MET)).isNull();
    }

    /** criteria 1, 2, 3 → the set, with how many are met of all and which are not met. */
    @ParameterizedTest(name = "{0} {1} {2} → set {3}, {4} met, not met [{5}]")
    @CsvSource(delimiter = '|', textBlock = """
            MET     | MET     | MET     | MET     | 3 | ''
            MET     | NOT_MET | UNKNOWN | NOT_MET | 1 | 2
            NOT_MET | NOT_MET | MET     | NOT_MET | 1 | 1 2
            MET     | UNKNOWN | MET     | UNKNOWN | 2 | ''
            """)
    void theSetRollsUpItsCriteriaWithTheCountsOfTheDate(IndicatorStatus one, IndicatorStatus two,
                                                        IndicatorStatus three, IndicatorStatus expected, int met,
                                                        String notMet) {
        Map<String, IndicatorStatus> criteria = Map.of("1", one, "2", two, "3", three);
        assertThat(StatusRollUp.set(PERIOD, criteria::get)).isEqualTo(new StatusTimelines.SetJudgement(expected,
                met, 3, notMet == null || notMet.isBlank() ? List.of() : List.of(notMet.split(" ")), 3));
    }
}
