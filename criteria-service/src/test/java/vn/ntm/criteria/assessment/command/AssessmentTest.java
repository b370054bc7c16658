package vn.ntm.criteria.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static vn.ntm.criteria.assessment.command.Books.SET;
import static vn.ntm.criteria.assessment.command.Books.V1_FROM;
import static vn.ntm.criteria.assessment.command.Books.V2_FROM;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.AssessmentRulesChanged;
import vn.ntm.criteria.assessment.api.CorrectMeasurement;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRef;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.Judgement;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.MeasurementCorrected;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.RecordMeasurement;
import vn.ntm.criteria.assessment.api.RecordMeasurements;
import vn.ntm.criteria.assessment.api.ReevaluateAssessment;
import vn.ntm.criteria.assessment.api.RetractMeasurement;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.api.StatusStretch;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.support.rules.RuleViolation;

/**
 * The assessment's behaviour, one per test, with the stretches each command publishes written out (see
 * {@link Stretches}). The observations of issue 14 are the tests named after them.
 */
class AssessmentTest {

    private static final String UNIT = "2f1d9a3e-5c7b-4e2a-9d10-6b8f0c4a1e21";
    private static final AssessmentId ID = AssessmentId.of(UNIT, SET);
    private static final List<UnitRef> PATH = List.of(new UnitRef(UNIT, "COMMUNE", "xã thử nghiệm"));
    private static final Actor OFFICER = new Actor("can-bo@xa", "commune-officer", null);
    private static final Evidence FORM = new Evidence("Biên bản", null, null, "Phòng Kinh tế");
    private static final LocalDate MARCH = LocalDate.of(2024, 3, 31);
    private static final LocalDate JUNE = LocalDate.of(2024, 6, 30);
    private static final LocalDate SEPTEMBER = LocalDate.of(2024, 9, 30);

    private AggregateTestFixture<Assessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = FixtureRuns.fixture();
    }

    private static MeasuredValue rate(long numerator, long denominator) {
        return new MeasuredValue(null, numerator, denominator, null);
    }

    private static MeasuredValue number(String value) {
        return new MeasuredValue(new BigDecimal(value), null, null, null);
    }

    private static RecordMeasurement record(String id, String indicator, MeasuredValue value, LocalDate on,
                                                   RuleBook rules) {
        return new RecordMeasurement(ID, UNIT, PATH, SET, new MeasurementId(id), indicator, value, on, FORM, rules, OFFICER);
    }

    private static RecordMeasurement record(String id, String indicator, MeasuredValue value, LocalDate on) {
        return record(id, indicator, value, on, Books.oneVersion());
    }

    private static CorrectMeasurement correct(String id, MeasuredValue value) {
        return new CorrectMeasurement(ID, UNIT, PATH, new MeasurementId(id), value, "sai số liệu", FORM, Books.oneVersion(),
                OFFICER);
    }

    private static RetractMeasurement retract(String id) {
        return new RetractMeasurement(ID, UNIT, PATH, new MeasurementId(id), "nhập nhầm", Books.oneVersion(), OFFICER);
    }

    /** The payloads {@code when} publishes after {@code given}; fails on any exception. */
    private List<Object> published(List<Object> given, Object when) {
        return FixtureRuns.payloads((given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.givenCommands(given))
                .when(when));
    }

    private static BaseMatcher<RuleViolation> violationWhere(java.util.function.Predicate<RuleViolation> holds) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof RuleViolation v && holds.test(v);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal as expected");
            }
        };
    }

    private List<String> stretches(List<Object> given, Object when) {
        return Stretches.lines(published(given, when));
    }

    private void refused(List<Object> given, Object when, String rule) {
        (given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.givenCommands(given)).when(when)
                .expectException(RuleViolation.class).expectExceptionMessage(containsString(rule)).expectNoEvents();
    }

    /**
     * Catches an indicator judged only from its date on without a start for its criterion and set, or roll-ups
     * published for one date instead of the whole stretch they hold on.
     */
    @Test
    void aFirstMeasurementGivesTheIndicatorItsDatesAndTheRollUpsEveryDateOfTheSet() {
        List<Object> events = published(List.of(), record("m1", "I1", rate(45, 50), MARCH));
        assertThat(events.get(0)).isInstanceOf(MeasurementRecorded.class);
        assertThat(events.get(1)).isInstanceOfSatisfying(AssessmentRulesChanged.class,
                e -> assertThat(e.changedFrom()).isEqualTo(V1_FROM));
        assertThat(Stretches.lines(events)).containsExactly(
                "I1 [2024-03-31, …) MET by m1 v1 MEASUREMENT_RECORDED m1",
                "C1 [2024-01-01, …) UNKNOWN v1 MEASUREMENT_RECORDED m1",
                "C2 [2024-01-01, …) UNKNOWN v1 MEASUREMENT_RECORDED m1",
                "SET [2024-01-01, …) UNKNOWN 0/2 not met [] v1 MEASUREMENT_RECORDED m1");
    }

    /**
     * Observation 1: a back-dated 45/50 before a 35/50 was accepted and published nothing. Catches a model that
     * judges only the latest measurement, or one that lets the older measurement govern past the newer one.
     */
    @Test
    void observation1ABackDatedMeasurementChangesTheDatesItGovernsAndNoOthers() {
        List<Object> given = List.of(record("m2", "I1", rate(35, 50), JUNE), record("m3", "I2", number("12"), JUNE));
        assertThat(stretches(given, record("m1", "I1", rate(45, 50), MARCH))).containsExactly(
                "I1 [2024-03-31, 2024-06-30) MET by m1 v1 MEASUREMENT_RECORDED m1");
    }

    /**
     * Catches a back-dated measurement whose roll-ups are not recomputed: with I2 met from March, I1 met on its
     * dates makes C1 met exactly there.
     */
    @Test
    void aBackDatedMeasurementRollsUpOnItsOwnDates() {
        List<Object> given = List.of(record("m2", "I1", rate(35, 50), JUNE), record("m3", "I2", number("12"), MARCH));
        assertThat(stretches(given, record("m1", "I1", rate(45, 50), MARCH))).containsExactly(
                "I1 [2024-03-31, 2024-06-30) MET by m1 v1 MEASUREMENT_RECORDED m1",
                "C1 [2024-03-31, 2024-06-30) MET v1 MEASUREMENT_RECORDED m1",
                "SET [2024-03-31, 2024-06-30) UNKNOWN 1/2 not met [] v1 MEASUREMENT_RECORDED m1");
    }

    /**
     * Observation 2: after a correction and a retraction of the June measurement, its criterion must follow its
     * indicator on every date. Catches roll-ups left behind by a correction or retraction, and a retraction that does
     * not fall back to the measurement that governed before.
     */
    @Test
    void observation2ACorrectionAndThenARetractionMoveTheCriterionWithTheIndicator() {
        List<Object> given = new ArrayList<>(List.of(record("m1", "I1", rate(45, 50), MARCH),
                record("m2", "I1", rate(35, 50), JUNE), record("m3", "I2", number("12"), MARCH)));
        assertThat(stretches(given, correct("m2", rate(46, 50)))).containsExactly(
                "I1 [2024-06-30, …) MET by m2 v1 MEASUREMENT_CORRECTED m2",
                "C1 [2024-06-30, …) MET v1 MEASUREMENT_CORRECTED m2",
                "SET [2024-06-30, …) UNKNOWN 1/2 not met [] v1 MEASUREMENT_CORRECTED m2");
        given.add(correct("m2", rate(46, 50)));
        given.add(record("m4", "I1", rate(30, 50), SEPTEMBER));
        assertThat(stretches(given, retract("m2"))).containsExactly(
                "I1 [2024-06-30, 2024-09-30) MET by m1 v1 MEASUREMENT_RETRACTED m2");
        given.add(retract("m2"));
        assertThat(stretches(given, retract("m4"))).containsExactly(
                "I1 [2024-09-30, …) MET by m1 v1 MEASUREMENT_RETRACTED m4",
                "C1 [2024-09-30, …) MET v1 MEASUREMENT_RETRACTED m4",
                "SET [2024-09-30, …) UNKNOWN 1/2 not met [] v1 MEASUREMENT_RETRACTED m4");
    }

    /** Catches a retraction of the only measurement that leaves its status standing, or its criterion met. */
    @Test
    void retractingTheOnlyMeasurementLeavesNoStatusOnItsDates() {
        List<Object> given = List.of(record("m1", "I1", rate(45, 50), MARCH), record("m3", "I2", number("12"), MARCH));
        assertThat(stretches(given, retract("m1"))).containsExactly(
                "I1 [2024-03-31, …) UNKNOWN v1 MEASUREMENT_RETRACTED m1",
                "C1 [2024-03-31, …) UNKNOWN v1 MEASUREMENT_RETRACTED m1",
                "SET [2024-03-31, …) UNKNOWN 0/2 not met [] v1 MEASUREMENT_RETRACTED m1");
    }

    /**
     * Observation 3: counts of criteria met are those of each date. Catches counts carried over from the previous
     * event (criteriaMet 13 of 19 with 10 failing) or counted over criteria not yet known.
     */
    @Test
    void observation3TheCountsOfCriteriaMetAreThoseOfEachDate() {
        List<Object> given = List.of(record("m1", "I1", rate(45, 50), MARCH), record("m2", "I2", number("12"), MARCH),
                record("m3", "I3", new MeasuredValue(null, null, null, true), JUNE));
        assertThat(stretches(given, record("m4", "I2", number("3"), SEPTEMBER))).containsExactly(
                "I2 [2024-09-30, …) NOT_MET by m4 v1 MEASUREMENT_RECORDED m4",
                "C1 [2024-09-30, …) NOT_MET v1 MEASUREMENT_RECORDED m4",
                "SET [2024-09-30, …) NOT_MET 1/2 not met [C1] v1 MEASUREMENT_RECORDED m4");
    }

    /**
     * Observation 4, on criteria-service's side: a measurement of 2024 that still governs in 2025 is judged there by
     * version 2 (≥ 90%), and in 2024 by version 1. Catches a version applied to dates before it took effect, or
     * not at all to the dates a measurement recorded earlier governs.
     */
    @Test
    void observation4EachDateIsJudgedByTheVersionInForceThatDay() {
        List<Object> given = List.of(record("m1", "I1", rate(43, 50), MARCH, Books.oneVersion()));
        List<String> lines = stretches(given, new ReevaluateAssessment(ID, UNIT, PATH, Books.twoVersions(),
                OFFICER));
        assertThat(lines).containsExactly(
                "I1 [2025-01-01, …) NOT_MET by m1 v2 RULES_CHANGED",
                "C1 [2025-01-01, …) NOT_MET v2 RULES_CHANGED",
                "C2 [2025-01-01, …) UNKNOWN v2 RULES_CHANGED",
                "SET [2025-01-01, …) NOT_MET 0/2 not met [C1] v2 RULES_CHANGED");
    }

    /** Catches the same rules judged again publishing anything (nothing is published when no date changes). */
    @Test
    void theSameRulesAgainPublishNothing() {
        fixture.givenCommands(record("m1", "I1", rate(43, 50), MARCH))
                .when(new ReevaluateAssessment(ID, UNIT, PATH, Books.oneVersion(), OFFICER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    /**
     * A change of the unit's context on a date (its region or commune group, hence I1's threshold): catches a
     * threshold applied to dates before the change, or a stretch published for dates whose status did not change.
     */
    @Test
    void aContextChangeOnADateJudgesOnlyLaterDatesByTheNewThreshold() {
        LocalDate change = LocalDate.of(2024, 7, 1);
        List<Object> given = List.of(record("m1", "I1", rate(37, 50), MARCH), record("m2", "I2", number("12"), MARCH));
        List<String> lines = stretches(given, new ReevaluateAssessment(ID, UNIT, PATH,
                Books.contextChangingOn(change), OFFICER));
        assertThat(lines).containsExactly(
                "I1 [2024-07-01, …) MET by m1 v1 RULES_CHANGED",
                "C1 [2024-07-01, …) MET v1 RULES_CHANGED",
                "SET [2024-07-01, …) UNKNOWN 1/2 not met [] v1 RULES_CHANGED");
    }

    /**
     * A measurement that moves no status still changes what its dates are judged from (the indicator's value), but
     * publishes no criterion or set stretch. Catches roll-ups published for an unchanged status.
     */
    @Test
    void aMeasurementThatMovesNoStatusPublishesOnlyTheIndicatorsNewValue() {
        List<Object> given = List.of(record("m1", "I1", rate(45, 50), MARCH));
        assertThat(stretches(given, record("m2", "I1", rate(46, 50), JUNE))).containsExactly(
                "I1 [2024-06-30, …) MET by m2 v1 MEASUREMENT_RECORDED m2");
    }

    /** Two measurements valid on one date: the later recorded governs. Catches one chosen by id or value. */
    @Test
    void ofTwoMeasurementsOnOneDateTheLaterRecordedGoverns() {
        List<Object> given = List.of(record("m9", "I1", rate(45, 50), MARCH));
        assertThat(stretches(given, record("m1", "I1", rate(35, 50), MARCH))).containsExactly(
                "I1 [2024-03-31, …) NOT_MET by m1 v1 MEASUREMENT_RECORDED m1",
                "C1 [2024-03-31, …) NOT_MET v1 MEASUREMENT_RECORDED m1",
                "SET [2024-03-31, …) NOT_MET 0/2 not met [C1] v1 MEASUREMENT_RECORDED m1");
    }

    /**
     * An assessment stored before timelines: its old events read as open-ended stretches (here a criterion said met
     * beside its only measured indicator not met). Judged once under its rule book, it publishes what the facts say,
     * named as rebuilt. Catches an upgrade that trusts the old events, or that publishes nothing.
     */
    @Test
    void anAssessmentStoredBeforeTimelinesIsRebuiltFromItsFacts() {
        MeasuredValue low = rate(35, 50);
        RuleBook rules = Books.oneVersion();
        StatusCause legacy = new StatusCause(StatusCause.LEGACY, "m1", "I1", JUNE);
        MeasurementId m1 = new MeasurementId("m1");
        fixture.given(new MeasurementRecorded(ID, UNIT, PATH, SET, m1, "I1", low, JUNE, FORM, OFFICER,
                                rules.periods().get(0).rules().get("I1")),
                        new IndicatorStatusChanged(ID, UNIT, PATH, SET, new IndicatorRef("C1", "I1"),
                                StatusStretch.of(IndicatorStatus.NOT_MET, JUNE, null),
                                new Judgement(m1, low.comparable(), Comparator.GE, new BigDecimal("80"), "%", true,
                                        "test v1", 1),
                                legacy, OFFICER),
                        new CriterionStatusChanged(ID, UNIT, PATH, SET, "C1", IndicatorStatus.MET, JUNE, null, 0,
                                legacy, OFFICER))
                .when(new ReevaluateAssessment(ID, UNIT, PATH, rules, OFFICER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(new BaseMatcher<List<EventMessage<?>>>() {
                    @Override
                    public boolean matches(Object events) {
                        List<Object> payloads = ((List<?>) events).stream()
                                .map(e -> (Object) ((EventMessage<?>) e).getPayload()).toList();
                        return Stretches.lines(payloads).equals(List.of(
                                "C1 [2024-01-01, 2024-06-30) UNKNOWN v1 TIMELINES_REBUILT",
                                "C1 [2024-06-30, …) NOT_MET v1 TIMELINES_REBUILT",
                                "C2 [2024-01-01, …) UNKNOWN v1 TIMELINES_REBUILT",
                                "SET [2024-01-01, 2024-06-30) UNKNOWN 0/2 not met [] v1 TIMELINES_REBUILT",
                                "SET [2024-06-30, …) NOT_MET 0/2 not met [C1] v1 TIMELINES_REBUILT"));
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("the timelines rebuilt from the facts");
                    }
                });
    }

    /**
     * Observation 5: the refusal quotes the set's own start, not the latest version's. Catches a refusal worded
     * from the version in force today.
     */
    @Test
    void observation5ADateBeforeTheSetQuotesTheDateItCameIntoForce() {
        fixture.givenNoPriorActivity()
                .when(record("m1", "I1", rate(45, 50), LocalDate.of(2023, 6, 30), Books.twoVersions()))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("before-set-in-force"))
                .expectException(violationWhere(v -> java.util.Arrays.asList(v.args()).contains(V1_FROM)))
                .expectNoEvents();
    }

    /** Catches an indicator the version of the date does not have being recorded under another version's rule. */
    @Test
    void anIndicatorIsRecordedOnlyOnDatesItsVersionHasIt() {
        refused(List.of(), record("m1", "I3", new MeasuredValue(null, null, null, true), V2_FROM.plusDays(3),
                Books.twoVersions()), "unknown-indicator");
    }

    @Test
    void cannotRecordAMeasurementDatedInTheFuture() {
        refused(List.of(), record("m1", "I1", rate(45, 50), LocalDate.of(2026, 12, 8)), "date-in-future");
    }

    /**
     * At 00:30 on 8 December 2026 in Vietnam (17:30 UTC on the 7th) the 8th is today there and the 9th the future.
     * Catches a "today" read in UTC or in the machine's zone, which refuses the officer's new day until 07:00.
     */
    @Test
    void justAfterMidnightInVietnamTheNewDayIsTodayAndTheNextOneTheFuture() {
        AggregateTestFixture<Assessment> halfPastMidnight = new AggregateTestFixture<>(Assessment.class);
        halfPastMidnight.registerInjectableResource(Clock.fixed(Instant.parse("2026-12-07T17:30:00Z"),
                FixtureRuns.VIETNAM));
        halfPastMidnight.givenNoPriorActivity().when(record("m1", "I1", rate(45, 50), LocalDate.of(2026, 12, 8)))
                .expectSuccessfulHandlerExecution();
        halfPastMidnight.givenNoPriorActivity().when(record("m1", "I1", rate(45, 50), LocalDate.of(2026, 12, 9)))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("date-in-future"));
    }

    @Test
    void cannotRecordTheSameMeasurementTwice() {
        refused(List.of(record("m1", "I1", rate(45, 50), MARCH)), record("m2", "I1", rate(45, 50), MARCH),
                "duplicate-measurement");
    }

    /**
     * Catches a duplicate rule that compares with every measurement of the date instead of the one that governs it:
     * an officer who goes back to an earlier figure of the same date (or imports a sheet holding it) would be refused
     * although the date's status would change.
     */
    @Test
    void anEarlierFigureOfTheSameDateRecordedAgainGovernsTheDateAgain() {
        List<Object> events = published(List.of(record("m1", "I1", rate(45, 50), MARCH),
                record("m2", "I1", rate(40, 50), MARCH)), record("m3", "I1", rate(45, 50), MARCH));
        assertThat(events.get(0)).isInstanceOf(MeasurementRecorded.class);
        assertThat(((MeasurementRecorded) events.get(0)).measurementId()).isEqualTo(new MeasurementId("m3"));
        refused(List.of(record("m1", "I1", rate(45, 50), MARCH), record("m2", "I1", rate(40, 50), MARCH)),
                record("m3", "I1", rate(40, 50), MARCH), "duplicate-measurement");
    }

    @Test
    void aPassFailAssessmentNamesTheOfficeThatMadeIt() {
        refused(List.of(), new RecordMeasurement(ID, UNIT, PATH, SET, new MeasurementId("m1"), "I3",
                new MeasuredValue(null, null, null, true), MARCH, Evidence.NONE, Books.oneVersion(), OFFICER),
                "office-required");
    }

    @Test
    void cannotRecordPassFailForANumericIndicator() {
        refused(List.of(), record("m1", "I2", new MeasuredValue(null, null, null, true), MARCH),
                "value-does-not-fit-indicator");
    }

    @Test
    void aCorrectionMustChangeTheValue() {
        refused(List.of(record("m1", "I1", rate(45, 50), MARCH)), correct("m1", rate(45, 50)),
                "correction-changes-nothing");
    }

    @Test
    void cannotCorrectARetractedMeasurement() {
        refused(List.of(record("m1", "I1", rate(45, 50), MARCH), retract("m1")), correct("m1", rate(40, 50)),
                "measurement-retracted");
    }

    @Test
    void cannotRetractAMeasurementThatDoesNotExist() {
        refused(List.of(record("m1", "I1", rate(45, 50), MARCH)), retract("m9"), "measurement-not-found");
    }

    /** A correction is its own event, naming the measurement's date. Catches a correction recorded as a new one. */
    @Test
    void aCorrectionIsANewEventOnTheMeasurementsOwnDate() {
        List<Object> events = published(List.of(record("m1", "I1", rate(45, 50), MARCH)), correct("m1", rate(35, 50)));
        assertThat(events.get(0)).isInstanceOfSatisfying(MeasurementCorrected.class,
                e -> assertThat(e.validOn()).isEqualTo(MARCH));
        assertThat(events).noneMatch(MeasurementRecorded.class::isInstance);
    }

    /**
     * A form is judged once: each indicator's stretch names its own measurement, the roll-ups the form. Catches a
     * form judged item by item (a status that held only halfway through it).
     */
    @Test
    void aFormIsJudgedOnceForAllItsItems() {
        RecordMeasurements form = new RecordMeasurements(ID, UNIT, PATH, SET, MARCH, List.of(
                new RecordMeasurements.Item(new MeasurementId("m1"), "I1", rate(45, 50), FORM),
                new RecordMeasurements.Item(new MeasurementId("m2"), "I2", number("12"), FORM),
                new RecordMeasurements.Item(new MeasurementId("m3"), "I3", new MeasuredValue(null, null, null, true), FORM)),
                Books.oneVersion(), OFFICER);
        assertThat(stretches(List.of(), form)).containsExactly(
                "I1 [2024-03-31, …) MET by m1 v1 MEASUREMENT_RECORDED m1",
                "I2 [2024-03-31, …) MET by m2 v1 MEASUREMENT_RECORDED m2",
                "I3 [2024-03-31, …) MET by m3 v1 MEASUREMENT_RECORDED m3",
                "C1 [2024-01-01, 2024-03-31) UNKNOWN v1 MEASUREMENT_RECORDED m3",
                "C1 [2024-03-31, …) MET v1 MEASUREMENT_RECORDED m3",
                "C2 [2024-01-01, 2024-03-31) UNKNOWN v1 MEASUREMENT_RECORDED m3",
                "C2 [2024-03-31, …) MET v1 MEASUREMENT_RECORDED m3",
                "SET [2024-01-01, 2024-03-31) UNKNOWN 0/2 not met [] v1 MEASUREMENT_RECORDED m3",
                "SET [2024-03-31, …) MET 2/2 not met [] v1 MEASUREMENT_RECORDED m3");
    }

    /** Catches a form half recorded when one item is bad, or a refusal that does not name the item. */
    @Test
    void oneBadItemRefusesTheWholeFormNamingTheItem() {
        RecordMeasurements form = new RecordMeasurements(ID, UNIT, PATH, SET, MARCH, List.of(
                new RecordMeasurements.Item(new MeasurementId("m1"), "I1", rate(45, 50), FORM),
                new RecordMeasurements.Item(new MeasurementId("m2"), "I2", new MeasuredValue(null, null, null, true), FORM)),
                Books.oneVersion(), OFFICER);
        fixture.givenNoPriorActivity().when(form).expectException(RuleViolation.class)
                .expectException(violationWhere(v -> "items[1].value".equals(v.field())))
                .expectNoEvents();
    }

    @Test
    void aFormCannotGiveAnIndicatorTwice() {
        RecordMeasurements form = new RecordMeasurements(ID, UNIT, PATH, SET, MARCH, List.of(
                new RecordMeasurements.Item(new MeasurementId("m1"), "I1", rate(45, 50), FORM),
                new RecordMeasurements.Item(new MeasurementId("m2"), "I1", rate(40, 50), FORM)), Books.oneVersion(), OFFICER);
        refused(List.of(), form, "indicator-twice-in-form");
    }

    @Test
    void aFormDatedInTheFutureIsRefusedAsAWhole() {
        RecordMeasurements form = new RecordMeasurements(ID, UNIT, PATH, SET,
                LocalDate.of(2027, 1, 1), List.of(new RecordMeasurements.Item(new MeasurementId("m1"), "I1", rate(45, 50), FORM)),
                Books.oneVersion(), OFFICER);
        fixture.givenNoPriorActivity().when(form).expectException(RuleViolation.class)
                .expectException(violationWhere(v -> "validOn".equals(v.field())))
                .expectNoEvents();
    }

    /** Catches a retracted measurement still counted as a duplicate, so it could never be entered again. */
    @Test
    void aRetractedMeasurementCanBeRecordedAgain() {
        assertThat(stretches(List.of(record("m1", "I1", rate(45, 50), MARCH), retract("m1")),
                record("m2", "I1", rate(45, 50), MARCH))).startsWith(
                "I1 [2024-03-31, …) MET by m2 v1 MEASUREMENT_RECORDED m2");
    }
}
