package vn.ntm.criteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import vn.ntm.criteria.Fixtures;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.IndicatorKind;

/** Properties of the evaluation rules that must hold for every value, not just the table's. */
class EvaluationPropertiesTest {

    @Property
    void aRateIsMetExactlyWhenItsCountsReachTheThreshold(@ForAll @LongRange(min = 1, max = 1_000_000) long denominator,
                                                       @ForAll @IntRange(min = 0, max = 100) int percent,
                                                       @ForAll @LongRange(min = 0, max = 1_000_000) long numeratorSeed) {
        long numerator = numeratorSeed % (denominator + 1);
        IndicatorRule rule = Fixtures.rule("4.2", IndicatorKind.RATE, Comparator.GE, String.valueOf(percent));
        IndicatorStatus status = IndicatorEvaluation.evaluate(rule, new MeasuredValue(null, numerator, denominator, null));
        // exact integer arithmetic: numerator / denominator >= percent / 100
        boolean reached = numerator * 100 >= (long) percent * denominator;
        assertThat(status).isEqualTo(reached ? IndicatorStatus.MET : IndicatorStatus.NOT_MET);
    }

    @Property
    void raisingAnAtLeastThresholdNeverTurnsNotMetIntoMet(@ForAll @IntRange(min = 0, max = 10_000) int value,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int lower,
                                                         @ForAll @IntRange(min = 0, max = 10_000) int raise) {
        MeasuredValue measured = new MeasuredValue(BigDecimal.valueOf(value), null, null, null);
        IndicatorStatus before = IndicatorEvaluation.evaluate(
                Fixtures.rule("10", IndicatorKind.NUMBER, Comparator.GE, String.valueOf(lower)), measured);
        IndicatorStatus after = IndicatorEvaluation.evaluate(
                Fixtures.rule("10", IndicatorKind.NUMBER, Comparator.GE, String.valueOf(lower + raise)), measured);
        if (before == IndicatorStatus.NOT_MET) {
            assertThat(after).isEqualTo(IndicatorStatus.NOT_MET);
        }
    }

    @Property
    void atLeastAndAtMostAgreeOnlyAtTheThreshold(@ForAll @IntRange(min = 0, max = 1_000) int value,
                                               @ForAll @IntRange(min = 0, max = 1_000) int threshold) {
        MeasuredValue measured = new MeasuredValue(BigDecimal.valueOf(value), null, null, null);
        boolean ge = IndicatorEvaluation.evaluate(Fixtures.rule("x", IndicatorKind.NUMBER, Comparator.GE,
                String.valueOf(threshold)), measured) == IndicatorStatus.MET;
        boolean le = IndicatorEvaluation.evaluate(Fixtures.rule("x", IndicatorKind.NUMBER, Comparator.LE,
                String.valueOf(threshold)), measured) == IndicatorStatus.MET;
        assertThat(ge || le).isTrue();
        assertThat(ge && le).isEqualTo(value == threshold);
    }

    /** A criterion or set is met only when every part is met, and not met as soon as one part is not. */
    @Property
    void rollUpIsMetOnlyWhenAllPartsAreMet(@ForAll("statuses") List<IndicatorStatus> parts) {
        IndicatorStatus rolled = StatusRollUp.of(parts);
        if (parts.isEmpty()) {
            assertThat(rolled).isEqualTo(IndicatorStatus.UNKNOWN);
        } else if (parts.contains(IndicatorStatus.NOT_MET)) {
            assertThat(rolled).isEqualTo(IndicatorStatus.NOT_MET);
        } else if (parts.stream().allMatch(s -> s == IndicatorStatus.MET)) {
            assertThat(rolled).isEqualTo(IndicatorStatus.MET);
        } else {
            assertThat(rolled).isEqualTo(IndicatorStatus.UNKNOWN);
        }
    }

    @Provide
    Arbitrary<List<IndicatorStatus>> statuses() {
        return Arbitraries.of(IndicatorStatus.class).list().ofMaxSize(12);
    }

    /** Same counts, same verdict, whatever the scale of the typed percentage threshold. */
    @Property
    void thresholdScaleDoesNotMatter(@ForAll @IntRange(min = 0, max = 100) int percent,
                                     @ForAll @IntRange(min = 0, max = 100) int measured) {
        MeasuredValue value = new MeasuredValue(BigDecimal.valueOf(measured), null, null, null);
        IndicatorStatus plain = IndicatorEvaluation.evaluate(
                Fixtures.rule("4.2", IndicatorKind.RATE, Comparator.GE, String.valueOf(percent)), value);
        IndicatorStatus scaled = IndicatorEvaluation.evaluate(
                Fixtures.rule("4.2", IndicatorKind.RATE, Comparator.GE, percent + ".000"), value);
        assertThat(scaled).isEqualTo(plain);
    }

}
