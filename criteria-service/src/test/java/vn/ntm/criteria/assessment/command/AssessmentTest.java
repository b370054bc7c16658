package vn.ntm.criteria.assessment.command;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static vn.ntm.criteria.Fixtures.OFFICER;
import static vn.ntm.criteria.Fixtures.SET;
import static vn.ntm.criteria.Fixtures.rule;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.AssessmentReevaluated;
import vn.ntm.criteria.assessment.api.ReevaluateAssessmentCommand;
import vn.ntm.criteria.assessment.api.CorrectMeasurementCommand;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementCorrected;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.MeasurementRetracted;
import vn.ntm.criteria.assessment.api.RecordMeasurementCommand;
import vn.ntm.criteria.assessment.api.RecordMeasurementsCommand;
import vn.ntm.criteria.assessment.api.RetractMeasurementCommand;
import vn.ntm.criteria.assessment.api.SetShape;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.support.rules.RuleViolation;

class AssessmentTest {

    private static final String UNIT = "2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21";
    private static final AssessmentId ID = AssessmentId.of(UNIT, SET);
    private static final List<UnitRef> PATH = List.of(new UnitRef(UNIT, "COMMUNE", "Song Vân"));
    /** Test values only: criterion 4 has one rate indicator, criterion 9 one "must be none" count. */
    private static final IndicatorRule ELECTRICITY = rule("4.2", IndicatorKind.RATE, Comparator.GE, "98");
    private static final IndicatorRule TEMPORARY_HOUSES = new IndicatorRule(SET, "9", "9.1",
            IndicatorKind.MUST_BE_NONE, null, null, BigDecimal.ZERO, false, "test", ELECTRICITY.setEffectiveFrom(),
            ELECTRICITY.setEffectiveTo(), 1);
    private static final SetShape SHAPE = new SetShape(shape());
    private static final LocalDate MARCH = LocalDate.of(2024, 3, 5);
    private static final LocalDate SEPTEMBER = LocalDate.of(2024, 9, 30);
    private static final Evidence PLAN = new Evidence("30/KH-UBND", null, null, null);

    private AggregateTestFixture<Assessment> fixture;

    private static Map<String, List<String>> shape() {
        Map<String, List<String>> shape = new LinkedHashMap<>();
        shape.put("4", List.of("4.2"));
        shape.put("9", List.of("9.1"));
        return shape;
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assessment.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-12-31T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aMeasurementAboveTheThresholdMakesTheIndicatorAndItsCriterionMet() {
        MeasuredValue all = new MeasuredValue(null, 2150L, 2150L, null);
        fixture.givenNoPriorActivity()
                .when(record("m1", ELECTRICITY, all, MARCH))
                .expectEvents(recorded("m1", ELECTRICITY, all, MARCH),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, all.comparable(), Comparator.GE, new BigDecimal("98"),
                                "% households", true, "test source", "m1", MARCH, OFFICER, 1),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "4", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, "4.2", "m1", MARCH, OFFICER));
    }

    @Test
    void theSetIsMetWhenEveryCriterionIsMet() {
        MeasuredValue none = new MeasuredValue(BigDecimal.ZERO, null, null, null);
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(record("m2", TEMPORARY_HOUSES, none, MARCH))
                .expectEvents(recorded("m2", TEMPORARY_HOUSES, none, MARCH),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "9", "9.1", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, BigDecimal.ZERO, null, BigDecimal.ZERO, null, false, "test", "m2",
                                MARCH, OFFICER, 1),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "9", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, "9.1", "m2", MARCH, OFFICER),
                        new CriteriaSetStatusChanged(ID, UNIT, PATH, SET, IndicatorStatus.UNKNOWN, IndicatorStatus.MET,
                                2, 2, List.of(), "m2", MARCH, OFFICER));
    }

    @Test
    void oneIndicatorLapsingMakesItsCriterionAndTheSetNotMet() {
        MeasuredValue lapse = new MeasuredValue(null, 1900L, 2150L, null);
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH),
                        record("m2", TEMPORARY_HOUSES, new MeasuredValue(BigDecimal.ZERO, null, null, null), MARCH))
                .when(record("m3", ELECTRICITY, lapse, SEPTEMBER))
                .expectEvents(recorded("m3", ELECTRICITY, lapse, SEPTEMBER),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.MET,
                                IndicatorStatus.NOT_MET, lapse.comparable(), Comparator.GE, new BigDecimal("98"),
                                "% households", true, "test source", "m3", SEPTEMBER, OFFICER, 1),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "4", IndicatorStatus.MET,
                                IndicatorStatus.NOT_MET, "4.2", "m3", SEPTEMBER, OFFICER),
                        new CriteriaSetStatusChanged(ID, UNIT, PATH, SET, IndicatorStatus.MET, IndicatorStatus.NOT_MET,
                                1, 2, List.of("4"), "m3", SEPTEMBER, OFFICER));
    }

    @Test
    void aMeasurementThatLeavesTheStatusAsItWasEmitsNoStatusChange() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(record("m2", ELECTRICITY, percent("99.5"), SEPTEMBER))
                .expectEvents(recorded("m2", ELECTRICITY, percent("99.5"), SEPTEMBER));
    }

    @Test
    void anOlderMeasurementIsHistoryAndDoesNotChangeTheCurrentStatus() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), SEPTEMBER))
                .when(record("m0", ELECTRICITY, percent("50"), MARCH))
                .expectEvents(recorded("m0", ELECTRICITY, percent("50"), MARCH));
    }

    @Test
    void withoutAKnownThresholdTheStatusStaysUnknown() {
        IndicatorRule income = rule("10", IndicatorKind.NUMBER, Comparator.GE, null);
        Map<String, List<String>> withIncome = new LinkedHashMap<>(shape());
        withIncome.put("10", List.of("10"));
        fixture.givenNoPriorActivity()
                .when(new RecordMeasurementCommand(ID, UNIT, PATH, "m1", income, percent("54"), MARCH, PLAN,
                        new SetShape(withIncome), OFFICER))
                .expectEvents(recorded("m1", income, percent("54"), MARCH));
    }

    @Test
    void aCorrectionIsANewEventThatReevaluatesTheStatus() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(correct("m1", percent("90")))
                .expectEvents(new MeasurementCorrected(ID, UNIT, PATH, SET, "m1", "4.2", percent("90"), MARCH,
                                ELECTRICITY, "sai số liệu", PLAN, OFFICER),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.MET,
                                IndicatorStatus.NOT_MET, new BigDecimal("90"), Comparator.GE, new BigDecimal("98"),
                                "% households", true, "test source", "m1", MARCH, OFFICER, 1),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "4", IndicatorStatus.MET,
                                IndicatorStatus.NOT_MET, "4.2", "m1", MARCH, OFFICER),
                        new CriteriaSetStatusChanged(ID, UNIT, PATH, SET, IndicatorStatus.UNKNOWN,
                                IndicatorStatus.NOT_MET, 0, 2, List.of("4", "9"), "m1", MARCH, OFFICER));
    }

    @Test
    void aRetractionFallsBackToTheMeasurementsThatRemain() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH),
                        record("m2", ELECTRICITY, percent("90"), SEPTEMBER))
                .when(new RetractMeasurementCommand(ID, UNIT, PATH, "m2", "nhập nhầm", SHAPE, OFFICER))
                .expectEvents(new MeasurementRetracted(ID, UNIT, PATH, SET, "m2", "4.2", SEPTEMBER, "nhập nhầm", OFFICER),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.NOT_MET,
                                IndicatorStatus.MET, new BigDecimal("99"), Comparator.GE, new BigDecimal("98"),
                                "% households", true, "test source", "m2", SEPTEMBER, OFFICER, 1),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "4", IndicatorStatus.NOT_MET,
                                IndicatorStatus.MET, "4.2", "m2", SEPTEMBER, OFFICER),
                        new CriteriaSetStatusChanged(ID, UNIT, PATH, SET, IndicatorStatus.NOT_MET,
                                IndicatorStatus.UNKNOWN, 1, 2, List.of("9"), "m2", SEPTEMBER, OFFICER));
    }

    @Test
    void retractingTheOnlyMeasurementMakesTheIndicatorUnknownAgain() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(new RetractMeasurementCommand(ID, UNIT, PATH, "m1", "nhập nhầm", SHAPE, OFFICER))
                .expectEventsMatching(sequence(MeasurementRetracted.class, IndicatorStatusChanged.class,
                        CriterionStatusChanged.class));
    }

    @Test
    void aNewSetVersionJudgesTheCurrentMeasurementAgainAsOfItsEffectiveDate() {
        LocalDate newYear = LocalDate.of(2025, 1, 1);
        IndicatorRule stricter = new IndicatorRule(SET, "4", "4.2", IndicatorKind.RATE, Comparator.GE,
                "% households", new BigDecimal("99.5"), false, "version 2", newYear, null, 2);
        ReevaluateAssessmentCommand activate = new ReevaluateAssessmentCommand(ID, UNIT, PATH, 2, newYear,
                Map.of("4.2", stricter, "9.1", TEMPORARY_HOUSES), SHAPE, OFFICER);
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(activate)
                .expectEvents(new AssessmentReevaluated(ID, SET, 2, newYear, Map.of("4.2", stricter,
                                "9.1", TEMPORARY_HOUSES), OFFICER),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.MET,
                                IndicatorStatus.NOT_MET, new BigDecimal("99"), Comparator.GE, new BigDecimal("99.5"),
                                "% households", false, "version 2", "m1", newYear, OFFICER, 2),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "4", IndicatorStatus.MET,
                                IndicatorStatus.NOT_MET, "4.2", "m1", newYear, OFFICER),
                        new CriteriaSetStatusChanged(ID, UNIT, PATH, SET, IndicatorStatus.UNKNOWN,
                                IndicatorStatus.NOT_MET, 0, 2, List.of("4", "9"), "m1", newYear, OFFICER));
    }

    @Test
    void activatingTheSameVersionTwiceChangesNothing() {
        LocalDate newYear = LocalDate.of(2025, 1, 1);
        ReevaluateAssessmentCommand activate = new ReevaluateAssessmentCommand(ID, UNIT, PATH, 2, newYear,
                Map.of("4.2", ELECTRICITY), SHAPE, OFFICER);
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH), activate)
                .when(activate)
                .expectNoEvents();
    }

    @Test
    void aPassFailAssessmentNamesTheOfficeThatMadeIt() {
        IndicatorRule powerSystem = rule("4.1", IndicatorKind.PASS_FAIL, null, null);
        refused(record("m1", powerSystem, new MeasuredValue(null, null, null, true), MARCH), "office-required");
    }

    @Test
    void cannotCorrectARetractedMeasurement() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH),
                        new RetractMeasurementCommand(ID, UNIT, PATH, "m1", "nhập nhầm", SHAPE, OFFICER))
                .when(correct("m1", percent("90")))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("measurement-retracted"))
                .expectNoEvents();
    }

    @Test
    void aCorrectionMustChangeTheValue() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(correct("m1", percent("99.0")))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("correction-changes-nothing")).expectNoEvents();
    }

    @Test
    void cannotRetractAMeasurementThatDoesNotExist() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(new RetractMeasurementCommand(ID, UNIT, PATH, "m9", "?", SHAPE, OFFICER))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("measurement-not-found"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordTheSameMeasurementTwice() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(record("m2", ELECTRICITY, percent("99.00"), MARCH))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("duplicate-measurement"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordAMeasurementDatedInTheFuture() {
        refused(record("m1", ELECTRICITY, percent("10"), LocalDate.of(2025, 1, 1)), "date-in-future");
    }

    @Test
    void cannotRecordAMeasurementDatedBeforeTheSetTookEffect() {
        refused(record("m1", ELECTRICITY, percent("10"), LocalDate.of(2022, 3, 7)), "before-set-in-force");
    }

    @Test
    void cannotRecordPassFailForANumericIndicator() {
        refused(record("m1", ELECTRICITY, new MeasuredValue(null, null, null, true), MARCH),
                "value-does-not-fit-indicator");
    }

    @Test
    void cannotRecordAPercentageAbove100() {
        refused(record("m1", ELECTRICITY, percent("100.5"), MARCH), "percent-above-100");
    }

    @Test
    void cannotRecordAFractionalCountForAMustBeNoneIndicator() {
        refused(record("m1", TEMPORARY_HOUSES, percent("1.5"), MARCH), "value-does-not-fit-indicator");
    }

    @Test
    void aFormRecordsEveryItemThenJudgesEachIndicatorCriterionAndTheSetOnce() {
        MeasuredValue none = new MeasuredValue(BigDecimal.ZERO, null, null, null);
        fixture.givenNoPriorActivity()
                .when(form(MARCH, item("m1", ELECTRICITY, percent("99")), item("m2", TEMPORARY_HOUSES, none)))
                .expectEvents(recorded("m1", ELECTRICITY, percent("99"), MARCH),
                        recorded("m2", TEMPORARY_HOUSES, none, MARCH),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "4", "4.2", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, new BigDecimal("99"), Comparator.GE, new BigDecimal("98"),
                                "% households", true, "test source", "m1", MARCH, OFFICER, 1),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, "9", "9.1", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, BigDecimal.ZERO, null, BigDecimal.ZERO, null, false, "test", "m2",
                                MARCH, OFFICER, 1),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "4", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, "4.2", "m1", MARCH, OFFICER),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "9", IndicatorStatus.UNKNOWN,
                                IndicatorStatus.MET, "9.1", "m2", MARCH, OFFICER),
                        new CriteriaSetStatusChanged(ID, UNIT, PATH, SET, IndicatorStatus.UNKNOWN, IndicatorStatus.MET,
                                2, 2, List.of(), "m2", MARCH, OFFICER));
    }

    @Test
    void aFormNeverShowsAStatusThatHeldOnlyHalfwayThroughIt() {
        MeasuredValue none = new MeasuredValue(BigDecimal.ZERO, null, null, null);
        MeasuredValue some = new MeasuredValue(BigDecimal.ONE, null, null, null);
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH),
                        record("m2", TEMPORARY_HOUSES, some, MARCH))
                // one by one, 9.1 first would make the set met for a moment, until 4.2 lapsed
                .when(form(SEPTEMBER, item("m3", TEMPORARY_HOUSES, none), item("m4", ELECTRICITY, percent("90"))))
                .expectEventsMatching(sequence(MeasurementRecorded.class, MeasurementRecorded.class,
                        IndicatorStatusChanged.class, IndicatorStatusChanged.class, CriterionStatusChanged.class,
                        CriterionStatusChanged.class));
    }

    @Test
    void oneBadItemRefusesTheWholeFormNamingTheItem() {
        fixture.givenNoPriorActivity()
                .when(form(MARCH, item("m1", ELECTRICITY, percent("99")),
                        item("m2", TEMPORARY_HOUSES, percent("1.5"))))
                .expectException(refusalOfItem(1, "9.1", "value-does-not-fit-indicator", "items[1].value"))
                .expectNoEvents();
    }

    @Test
    void aFormCannotGiveAnIndicatorTwice() {
        fixture.givenNoPriorActivity()
                .when(form(MARCH, item("m1", ELECTRICITY, percent("99")), item("m2", ELECTRICITY, percent("98.5"))))
                .expectException(refusalOfItem(1, "4.2", "indicator-twice-in-form", "items[1].indicatorCode"))
                .expectNoEvents();
    }

    @Test
    void aFormCannotRecordAMeasurementThatIsAlreadyThere() {
        fixture.givenCommands(record("m1", ELECTRICITY, percent("99"), MARCH))
                .when(form(MARCH, item("m2", TEMPORARY_HOUSES, new MeasuredValue(BigDecimal.ZERO, null, null, null)),
                        item("m3", ELECTRICITY, percent("99.0"))))
                .expectException(refusalOfItem(1, "4.2", "duplicate-measurement", "items[1].value"))
                .expectNoEvents();
    }

    @Test
    void aFormDatedInTheFutureIsRefusedAsAWhole() {
        fixture.givenNoPriorActivity()
                .when(form(LocalDate.of(2025, 1, 1), item("m1", ELECTRICITY, percent("99"))))
                .expectException(RuleViolation.class).expectExceptionMessage("date-in-future (validOn)")
                .expectNoEvents();
    }

    private void refused(RecordMeasurementCommand command, String rule) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(rule))
                .expectNoEvents();
    }

    /** The events' payload types, in order, and no more. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<org.axonframework.eventhandling.EventMessage<?>>> sequence(Class<?>... types) {
        List<Matcher> matchers = new ArrayList<>();
        for (Class<?> type : types) {
            matchers.add(instanceOf(type));
        }
        matchers.add(andNoMore());
        return (Matcher) payloadsMatching(exactSequenceOf(matchers.toArray(new Matcher[0])));
    }

    private static MeasuredValue percent(String value) {
        return new MeasuredValue(new BigDecimal(value), null, null, null);
    }

    private static RecordMeasurementCommand record(String id, IndicatorRule rule, MeasuredValue value, LocalDate on) {
        return new RecordMeasurementCommand(ID, UNIT, PATH, id, rule, value, on, PLAN, SHAPE, OFFICER);
    }

    private static RecordMeasurementsCommand form(LocalDate on, RecordMeasurementsCommand.Item... items) {
        return new RecordMeasurementsCommand(ID, UNIT, PATH, on, List.of(items), SHAPE, OFFICER);
    }

    private static RecordMeasurementsCommand.Item item(String id, IndicatorRule rule, MeasuredValue value) {
        return new RecordMeasurementsCommand.Item(id, rule, value, PLAN);
    }

    /** A refusal of one item of a form: its rule, its field inside the item, its position and indicator. */
    private static Matcher<RuleViolation> refusalOfItem(int index, String indicatorCode, String type, String field) {
        return new org.hamcrest.CustomTypeSafeMatcher<>(type + " of items[" + index + "] (" + indicatorCode + ")") {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.type().equals(type) && violation.field().equals(field) && violation.item() != null
                        && violation.item().index() == index && violation.item().name().equals(indicatorCode);
            }
        };
    }

    private static CorrectMeasurementCommand correct(String id, MeasuredValue value) {
        return new CorrectMeasurementCommand(ID, UNIT, PATH, id, ELECTRICITY, value, "sai số liệu", PLAN, SHAPE, OFFICER);
    }

    private static MeasurementRecorded recorded(String id, IndicatorRule rule, MeasuredValue value, LocalDate on) {
        return new MeasurementRecorded(ID, UNIT, PATH, SET, id, rule.indicatorCode(), value, on, PLAN, OFFICER, rule);
    }
}
