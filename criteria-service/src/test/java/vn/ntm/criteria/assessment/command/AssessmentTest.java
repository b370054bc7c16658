package vn.ntm.criteria.assessment.command;

import static org.hamcrest.Matchers.containsString;
import static vn.ntm.criteria.Fixtures.OFFICER;
import static vn.ntm.criteria.Fixtures.SET;
import static vn.ntm.criteria.Fixtures.rule;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.RecordMeasurementCommand;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.support.rules.RuleViolation;

class AssessmentTest {

    private static final String UNIT = "2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21";
    private static final AssessmentId ID = AssessmentId.of(UNIT, SET);
    private static final List<UnitRef> PATH = List.of(new UnitRef(UNIT, "COMMUNE", "Song Vân"));
    private static final IndicatorRule ELECTRICITY = rule("4.2", IndicatorKind.RATE, Comparator.GE, "98");
    private static final LocalDate MARCH_2024 = LocalDate.of(2024, 3, 5);
    private static final Evidence PLAN = new Evidence("30/KH-UBND", null, null);

    private AggregateTestFixture<Assessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aMeasurementAboveTheThresholdMakesTheIndicatorMet() {
        MeasuredValue all = new MeasuredValue(null, 2150L, 2150L, null);
        fixture.givenNoPriorActivity()
                .when(record("m1", ELECTRICITY, all, MARCH_2024))
                .expectEvents(recorded("m1", ELECTRICITY, all, MARCH_2024),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, all.comparable(), Comparator.GE, new BigDecimal("98"),
                                "% households", true, "test source", "m1", MARCH_2024, OFFICER));
    }

    @Test
    void aMeasurementThatLeavesTheStatusAsItWasEmitsNoStatusChange() {
        MeasuredValue first = new MeasuredValue(new BigDecimal("99"), null, null, null);
        MeasuredValue second = new MeasuredValue(new BigDecimal("99.5"), null, null, null);
        fixture.given(recorded("m1", ELECTRICITY, first, MARCH_2024), changed(IndicatorStatus.MET, "m1"))
                .when(record("m2", ELECTRICITY, second, MARCH_2024.plusMonths(1)))
                .expectEvents(recorded("m2", ELECTRICITY, second, MARCH_2024.plusMonths(1)));
    }

    @Test
    void aMeasurementBelowTheThresholdMakesAMetIndicatorLapse() {
        MeasuredValue first = new MeasuredValue(new BigDecimal("99"), null, null, null);
        MeasuredValue lapse = new MeasuredValue(null, 1900L, 2150L, null);
        fixture.given(recorded("m1", ELECTRICITY, first, MARCH_2024), changed(IndicatorStatus.MET, "m1"))
                .when(record("m2", ELECTRICITY, lapse, MARCH_2024.plusMonths(2)))
                .expectEvents(recorded("m2", ELECTRICITY, lapse, MARCH_2024.plusMonths(2)),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.MET,
                                IndicatorStatus.NOT_MET, lapse.comparable(), Comparator.GE, new BigDecimal("98"),
                                "% households", true, "test source", "m2", MARCH_2024.plusMonths(2), OFFICER));
    }

    @Test
    void anOlderMeasurementIsHistoryAndDoesNotChangeTheCurrentStatus() {
        MeasuredValue first = new MeasuredValue(new BigDecimal("99"), null, null, null);
        MeasuredValue older = new MeasuredValue(new BigDecimal("50"), null, null, null);
        fixture.given(recorded("m1", ELECTRICITY, first, MARCH_2024), changed(IndicatorStatus.MET, "m1"))
                .when(record("m0", ELECTRICITY, older, MARCH_2024.minusYears(1)))
                .expectEvents(recorded("m0", ELECTRICITY, older, MARCH_2024.minusYears(1)));
    }

    @Test
    void withoutAKnownThresholdTheStatusStaysUnknown() {
        IndicatorRule income = rule("10", IndicatorKind.NUMBER, Comparator.GE, null);
        MeasuredValue value = new MeasuredValue(new BigDecimal("54"), null, null, null);
        fixture.givenNoPriorActivity()
                .when(record("m1", income, value, MARCH_2024))
                .expectEvents(recorded("m1", income, value, MARCH_2024));
    }

    @Test
    void cannotRecordTheSameMeasurementTwice() {
        MeasuredValue value = new MeasuredValue(new BigDecimal("99"), null, null, null);
        fixture.given(recorded("m1", ELECTRICITY, value, MARCH_2024), changed(IndicatorStatus.MET, "m1"))
                .when(record("m2", ELECTRICITY, new MeasuredValue(new BigDecimal("99.00"), null, null, null), MARCH_2024))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("duplicate-measurement"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordAMeasurementDatedInTheFuture() {
        refused(record("m1", ELECTRICITY, new MeasuredValue(BigDecimal.TEN, null, null, null),
                LocalDate.of(2024, 6, 2)), "date-in-future");
    }

    @Test
    void cannotRecordAMeasurementDatedBeforeTheSetTookEffect() {
        refused(record("m1", ELECTRICITY, new MeasuredValue(BigDecimal.TEN, null, null, null),
                LocalDate.of(2022, 3, 7)), "before-set-in-force");
    }

    @Test
    void cannotRecordPassFailForANumericIndicator() {
        refused(record("m1", ELECTRICITY, new MeasuredValue(null, null, null, true), MARCH_2024),
                "value-does-not-fit-indicator");
    }

    @Test
    void cannotRecordAPercentageAbove100() {
        refused(record("m1", ELECTRICITY, new MeasuredValue(new BigDecimal("100.5"), null, null, null), MARCH_2024),
                "percent-above-100");
    }

    @Test
    void cannotRecordAFractionalCountForAMustBeNoneIndicator() {
        IndicatorRule temporaryHouses = rule("9.1", IndicatorKind.MUST_BE_NONE, null, "0");
        refused(record("m1", temporaryHouses, new MeasuredValue(new BigDecimal("1.5"), null, null, null), MARCH_2024),
                "value-does-not-fit-indicator");
    }

    private void refused(RecordMeasurementCommand command, String rule) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(rule))
                .expectNoEvents();
    }

    private static RecordMeasurementCommand record(String id, IndicatorRule rule, MeasuredValue value, LocalDate on) {
        return new RecordMeasurementCommand(ID, UNIT, PATH, id, rule, value, on, PLAN, OFFICER);
    }

    private static MeasurementRecorded recorded(String id, IndicatorRule rule, MeasuredValue value, LocalDate on) {
        return new MeasurementRecorded(ID, UNIT, PATH, SET, id, rule.indicatorCode(), value, on, PLAN, OFFICER);
    }

    private static IndicatorStatusChanged changed(IndicatorStatus status, String cause) {
        return new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.UNKNOWN, status,
                new BigDecimal("99"), Comparator.GE, new BigDecimal("98"), "% households", true, "test source", cause,
                MARCH_2024, OFFICER);
    }
}
