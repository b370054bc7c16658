package vn.ntm.criteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ntm.criteria.Fixtures;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.criteria.catalogue.query.ThresholdResolver;

/** Values and context in, verdict out: one row per indicator kind and threshold dimension. */
class IndicatorEvaluationTest {

    /** Thresholds by region, by year and region, and a default; test values only. */
    private static final CriteriaSetDefinition.Indicator INCOME = Fixtures.indicator("10", IndicatorKind.NUMBER,
            Comparator.GE, List.of(
                    Fixtures.threshold(null, null, null, "40"),
                    Fixtures.threshold("TDMNPB", null, null, "42"),
                    Fixtures.threshold("TDMNPB", null, 2024, "45"),
                    Fixtures.threshold(null, 3, null, "38")));

    @ParameterizedTest(name = "{0} {1} {2}: value={3} counts={4}/{5} passed={6} vs {7} → {8}")
    @CsvSource(nullValues = "-", textBlock = """
            # kind,      comparator, indicator, value, num,  den,  passed, threshold, expected
            RATE,         GE,  4.2,  -,     98,   100,  -,      98,        MET
            RATE,         GE,  4.2,  -,     97,   100,  -,      98,        NOT_MET
            RATE,         GE,  4.2,  -,     2,    3,    -,      66.67,     NOT_MET
            RATE,         GE,  4.2,  99.9,  -,    -,    -,      98,        MET
            RATE,         LE,  11,   12.9,  -,    -,    -,      13,        MET
            RATE,         LE,  11,   -,     131,  1000, -,      13,        NOT_MET
            NUMBER,       GE,  10,   54,    -,    -,    -,      54,        MET
            NUMBER,       GE,  10,   53.99, -,    -,    -,      54,        NOT_MET
            NUMBER,       EQ,  1,    1,     -,    -,    -,      1,         MET
            NUMBER,       GE,  10,   54,    -,    -,    -,      -,         UNKNOWN
            PASS_FAIL,    -,   4.1,  -,     -,    -,    true,   -,         MET
            PASS_FAIL,    -,   4.1,  -,     -,    -,    false,  -,         NOT_MET
            MUST_BE_NONE, -,   9.1,  0,     -,    -,    -,      0,         MET
            MUST_BE_NONE, -,   9.1,  3,     -,    -,    -,      0,         NOT_MET
            """)
    void judgesEachKind(IndicatorKind kind, Comparator comparator, String code, BigDecimal value, Long numerator,
                        Long denominator, Boolean passed, String threshold, IndicatorStatus expected) {
        IndicatorRule rule = Fixtures.rule(code, kind, comparator, threshold);
        MeasuredValue measured = new MeasuredValue(value, numerator, denominator, passed);
        IndicatorEvaluation.checkFits(rule, measured);
        assertThat(IndicatorEvaluation.evaluate(rule, measured)).isEqualTo(expected);
    }

    /** The model commune's income: 110% of the advanced commune's threshold for the same region and year. */
    @ParameterizedTest(name = "relative: region {0}, year {1} → threshold {2}")
    @CsvSource(nullValues = "-", textBlock = """
            TDMNPB, 2024, 49.5
            TDMNPB, 2023, 46.2
            DBSH,   2024, -
            """)
    void aRelativeThresholdIsAMultipleOfAnotherSetsThresholdForTheSameContext(String region, int year, String expected) {
        CriteriaSetDefinition advanced = Fixtures.definition("ADVANCED", List.of(Fixtures.indicator("10",
                IndicatorKind.NUMBER, Comparator.GE, List.of(Fixtures.threshold("TDMNPB", null, 2024, "45"),
                        Fixtures.threshold("TDMNPB", null, 2023, "42")))));
        CriteriaSetDefinition.Indicator modelIncome = Fixtures.indicator("KM2", IndicatorKind.NUMBER, Comparator.GE,
                List.of(new CriteriaSetDefinition.Threshold(null, null, null, null,
                        new CriteriaSetDefinition.RelativeTo("ADVANCED", "10"), new BigDecimal("1.10"), true, "319")));
        ThresholdResolver resolver = new ThresholdResolver(
                id -> java.util.Optional.ofNullable(id.value().equals("ADVANCED") ? advanced : null));

        var resolved = resolver.resolve(modelIncome, region, null, year).orElseThrow();
        if (expected == null) {
            assertThat(resolved.value()).as("unknown base threshold, unknown relative threshold").isNull();
        } else {
            assertThat(resolved.value()).isEqualByComparingTo(expected);
            assertThat(resolved.source()).contains("ADVANCED / 10");
        }
    }

    @ParameterizedTest(name = "region {0}, group {1}, year {2} → threshold {3}")
    @CsvSource(nullValues = "-", textBlock = """
            TDMNPB, -, 2024, 45
            TDMNPB, -, 2023, 42
            DBSH,   -, 2024, 40
            -,      3, 2026, 38
            -,      1, 2026, 40
            """)
    void theMostSpecificThresholdForTheContextApplies(String region, Integer group, int year, String expected) {
        assertThat(CriteriaSetDefinition.thresholdFor(INCOME, region, group, year))
                .map(CriteriaSetDefinition.Threshold::value).contains(new BigDecimal(expected));
    }
}
