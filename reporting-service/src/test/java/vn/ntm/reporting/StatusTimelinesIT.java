package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ntm.reporting.AsOfReportingIT.criterion;
import static vn.ntm.reporting.AsOfReportingIT.indicator;
import static vn.ntm.reporting.AsOfReportingIT.level;
import static vn.ntm.reporting.AsOfReportingIT.row;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.CriterionStatusChangedV1;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.IndicatorStatusChangedV1;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.MeasurementRecorded;
import vn.ntm.contracts.MeasurementRetracted;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.RecordedEvents;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * Statuses are timelines in valid time, recorded over time (issue 14): a stretch recorded later replaces, for its
 * dates only, what was known of them; "as of D, as known at K" is the stretch that holds D among those recorded by K,
 * the latest recorded. One commune's history, published on a real broker as criteria-service publishes it and folded
 * into real PostgreSQL:
 *
 * <ol>
 *   <li>T1, 2024-02-01: a form valid 2024-01-15, electricity (4.2) 99 % and income (10.1) 60 million, both met; the
 *       commune's first measurements, so its criteria and its set are unknown from the set's start (2024-01-01) until
 *       then;</li>
 *   <li>T2, 2024-07-02: a form valid 2024-07-01, 99.5 % and 62 million: new values, statuses unchanged;</li>
 *   <li>T3, 2024-09-10: a back-dated electricity figure valid 2024-05-01, 90 %: not met from 05-01 until 07-01 (where
 *       the July figure governs again), its criterion and the set with it;</li>
 *   <li>T4, 2024-10-05: the July income figure is retracted: January's governs again from 07-01;</li>
 *   <li>T5, 2024-10-06: January's income figure is retracted too: no measurement governs income at all, so it is
 *       unknown from 01-15 on, its criterion with it, and the set's stretches change.</li>
 * </ol>
 * Beside it, a commune whose statuses came as schema version 1 (before timelines existed).
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=timelines")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusTimelinesIT {

    private static final String SET = "TEST-TIMELINES";
    private static final Actor OFFICER = new Actor("can-bo@hopthinh", "commune-officer", null);
    private static final LocalDate SET_START = LocalDate.of(2024, 1, 1);
    private static final LocalDate JANUARY = LocalDate.of(2024, 1, 15);
    private static final LocalDate MAY = LocalDate.of(2024, 5, 1);
    private static final LocalDate JULY = LocalDate.of(2024, 7, 1);
    private static final Instant T1 = Instant.parse("2024-02-01T02:00:00Z");
    private static final Instant T2 = Instant.parse("2024-07-02T02:00:00Z");
    private static final Instant T3 = Instant.parse("2024-09-10T02:00:00Z");
    private static final Instant T4 = Instant.parse("2024-10-05T02:00:00Z");
    private static final Instant T5 = Instant.parse("2024-10-06T02:00:00Z");
    /** After the back-dated figure was recorded, before the retractions. */
    private static final String AFTER_T3 = "2024-09-11T00:00:00Z";
    /** Before the back-dated figure was recorded. */
    private static final String BEFORE_T3 = "2024-09-01T00:00:00Z";
    /** Between the two retractions. */
    private static final String BETWEEN_T4_AND_T5 = "2024-10-05T12:00:00Z";

    final String province = UUID.randomUUID().toString();
    final String commune = UUID.randomUUID().toString();
    final String legacy = UUID.randomUUID().toString();
    final List<Envelope<?>> stretches = new ArrayList<>();

    private final ServiceUnderTest service;

    StatusTimelinesIT(ServiceUnderTest service) {
        this.service = service;
    }

    @BeforeAll
    void publishTheHistory() {
        UnitRef p = new UnitRef(province, "PROVINCE", "Thái Nguyên (thử)");
        List<UnitRef> path = List.of(p, new UnitRef(commune, "COMMUNE", "Hợp Thịnh"));
        List<UnitRef> legacyPath = List.of(p, new UnitRef(legacy, "COMMUNE", "Xã cũ"));
        LocalDate founded = LocalDate.of(1997, 1, 1);
        send(EventTypes.UNITS_TOPIC, Envelope.of(UUID.randomUUID(), founded, T1.minusSeconds(86_400 * 60), OFFICER,
                province, List.of(p), new UnitRegistered("PROVINCE", "Thái Nguyên (thử)", null, founded, "TDMNPB",
                        null, null, null)));
        send(EventTypes.UNITS_TOPIC, Envelope.of(UUID.randomUUID(), founded, T1.minusSeconds(86_400 * 60), OFFICER,
                commune, path, new UnitRegistered("COMMUNE", "Hợp Thịnh", province, founded, null, null, null,
                        null)));
        send(EventTypes.UNITS_TOPIC, Envelope.of(UUID.randomUUID(), founded, T1.minusSeconds(86_400 * 60), OFFICER,
                legacy, legacyPath, new UnitRegistered("COMMUNE", "Xã cũ", province, founded, null, null, null,
                        null)));
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), SET_START, T1.minusSeconds(86_400 * 30),
                OFFICER, null, List.of(), new CriteriaSetPublished(SET, SET, 1, "Bộ tiêu chí xã (thử dòng thời gian)",
                        "Commune set (timelines test)", "COMMUNE", "QĐ thử", SET_START, null, List.of(
                        new CriteriaSetPublished.Criterion("4", "Điện", "Electricity", List.of(
                                new CriteriaSetPublished.Indicator("4.2", "Tỷ lệ hộ sử dụng điện an toàn",
                                        "Households with safe electricity", "RATE", "GE", "%", List.of()))),
                        new CriteriaSetPublished.Criterion("10", "Thu nhập", "Income", List.of(
                                new CriteriaSetPublished.Indicator("10.1", "Thu nhập bình quân đầu người",
                                        "Income per person", "NUMBER", "GE", "triệu đồng", List.of())))), false)));

        // T1: the first form
        String m1 = "m1-" + UUID.randomUUID();
        String m2 = "m2-" + UUID.randomUUID();
        StatusCause powerInJanuary = recorded(m1, "4.2", JANUARY);
        StatusCause incomeInJanuary = recorded(m2, "10.1", JANUARY);
        fact(path, JANUARY, T1, measured(m1, "4.2", "99"));
        fact(path, JANUARY, T1, measured(m2, "10.1", "60"));
        stretch(path, JANUARY, T1, power("MET", null, "99", m1, powerInJanuary));
        stretch(path, JANUARY, T1, income("MET", null, "60", m2, incomeInJanuary));
        for (String criterion : List.of("4", "10")) {
            stretch(path, SET_START, T1, criterionIs(criterion, "UNKNOWN", JANUARY, incomeInJanuary));
            stretch(path, JANUARY, T1, criterionIs(criterion, "MET", null, incomeInJanuary));
        }
        stretch(path, SET_START, T1, setIs("UNKNOWN", JANUARY, 0, List.of(), incomeInJanuary));
        stretch(path, JANUARY, T1, setIs("MET", null, 2, List.of(), incomeInJanuary));

        // T2: the July form, statuses unchanged
        String m3 = "m3-" + UUID.randomUUID();
        String m5 = "m5-" + UUID.randomUUID();
        fact(path, JULY, T2, measured(m3, "4.2", "99.5"));
        fact(path, JULY, T2, measured(m5, "10.1", "62"));
        stretch(path, JULY, T2, power("MET", null, "99.5", m3, recorded(m3, "4.2", JULY)));
        stretch(path, JULY, T2, income("MET", null, "62", m5, recorded(m5, "10.1", JULY)));

        // T3: a back-dated figure for May, bounded by July's
        String m4 = "m4-" + UUID.randomUUID();
        StatusCause mayRecorded = recorded(m4, "4.2", MAY);
        fact(path, MAY, T3, measured(m4, "4.2", "90"));
        stretch(path, MAY, T3, power("NOT_MET", JULY, "90", m4, mayRecorded));
        stretch(path, MAY, T3, criterionIs("4", "NOT_MET", JULY, mayRecorded));
        stretch(path, MAY, T3, setIs("NOT_MET", JULY, 1, List.of("4"), mayRecorded));

        // T4: July's income retracted, January's governs again from July
        StatusCause julyRetracted = new StatusCause(StatusCause.MEASUREMENT_RETRACTED, m5, "10.1", JULY);
        fact(path, JULY, T4, new MeasurementRetracted(m5, SET, "10.1", "nhập nhầm"));
        stretch(path, JULY, T4, income("MET", null, "60", m2, julyRetracted));

        // T5: January's income retracted: none governs income any more
        StatusCause januaryRetracted = new StatusCause(StatusCause.MEASUREMENT_RETRACTED, m2, "10.1", JANUARY);
        fact(path, JANUARY, T5, new MeasurementRetracted(m2, SET, "10.1", "số liệu không có căn cứ"));
        stretch(path, JANUARY, T5, income("UNKNOWN", null, null, null, januaryRetracted));
        stretch(path, JANUARY, T5, criterionIs("10", "UNKNOWN", null, januaryRetracted));
        stretch(path, JANUARY, T5, setIs("UNKNOWN", MAY, 1, List.of(), januaryRetracted));
        stretch(path, MAY, T5, setIs("NOT_MET", JULY, 0, List.of("4"), januaryRetracted));
        stretch(path, JULY, T5, setIs("UNKNOWN", null, 1, List.of(), januaryRetracted));

        // the commune whose statuses were published as schema version 1: "changed on validOn", no end
        Instant legacyRecorded = Instant.parse("2024-02-02T02:00:00Z");
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), JANUARY, legacyRecorded, OFFICER, legacy,
                legacyPath, new IndicatorStatusChangedV1(SET, "4", "4.2", "UNKNOWN", "MET", new BigDecimal("99"), "GE",
                        new BigDecimal("98"), "%", true, "QĐ thử", "m-old-1", 1)));
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), JANUARY, legacyRecorded, OFFICER, legacy,
                legacyPath, new CriterionStatusChangedV1(SET, "4", "UNKNOWN", "MET", "4.2", "m-old-1")));
        Instant legacyLater = Instant.parse("2024-06-02T02:00:00Z");
        LocalDate june = LocalDate.of(2024, 6, 1);
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), june, legacyLater, OFFICER, legacy,
                legacyPath, new IndicatorStatusChangedV1(SET, "4", "4.2", "MET", "NOT_MET", new BigDecimal("95"), "GE",
                        new BigDecimal("98"), "%", true, "QĐ thử", "m-old-2", 1)));
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), june, legacyLater, OFFICER, legacy,
                legacyPath, new CriterionStatusChangedV1(SET, "4", "MET", "NOT_MET", "4.2", "m-old-2")));

        publishTheRecording();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(http().get("/api/units/" + RECORDED_COMMUNE + "/timeline?criteriaSet=" + RECORDED_SET).json()
                    .size()).isEqualTo(RecordedEvents.load(RecordedEvents.VALID_TIME_HISTORY).stream()
                    .filter(line -> line.contains("StatusChanged\"")).count());
            assertThat(http().get("/api/units/" + commune + "/timeline?includePredecessors=false&criteriaSet=" + SET)
                    .json().size()).isEqualTo(stretches.size());
            assertThat(http().get("/api/units/" + legacy + "/timeline?criteriaSet=" + SET).json().size()).isEqualTo(4);
        });
    }

    /**
     * (a) A stretch recorded later and valid earlier, bounded by its validUntil, changes the answer for its dates
     * only, and "as known at" a time before it gives the old answer. Catches statuses read as "the latest change
     * valid on or before D" (validUntil ignored): on 2024-08-01 the criterion and the set would still be the May
     * figure's NOT_MET, though July's figure governs again from 07-01; and catches recorded time ignored: as known on
     * 2024-09-01 May would already be NOT_MET.
     */
    @Test
    void aBackDatedStretchChangesTheAnswerForItsDatesOnlyAndNotAsKnownBeforeIt() {
        JsonNode may = unit("2024-05-15", AFTER_T3);
        assertThat(indicator(may, "4.2").path("status").asString()).isEqualTo("NOT_MET");
        assertThat(indicator(may, "4.2").path("value").decimalValue()).isEqualByComparingTo("90");
        assertThat(indicator(may, "4.2").path("validUntil").asString()).isEqualTo("2024-07-01");
        assertThat(criterion(may, "4").path("status").asString()).isEqualTo("NOT_MET");
        assertThat(set(may).path("status").asString()).isEqualTo("NOT_MET");

        JsonNode august = unit("2024-08-01", AFTER_T3);
        assertThat(indicator(august, "4.2").path("status").asString()).isEqualTo("MET");
        assertThat(indicator(august, "4.2").path("value").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(criterion(august, "4").path("status").asString()).as("after the May stretch's end")
                .isEqualTo("MET");
        assertThat(set(august).path("status").asString()).isEqualTo("MET");

        JsonNode april = unit("2024-04-15", AFTER_T3);
        assertThat(indicator(april, "4.2").path("status").asString()).as("before its dates").isEqualTo("MET");
        assertThat(criterion(april, "4").path("status").asString()).isEqualTo("MET");

        JsonNode mayAsKnownBefore = unit("2024-05-15", BEFORE_T3);
        assertThat(indicator(mayAsKnownBefore, "4.2").path("status").asString()).isEqualTo("MET");
        assertThat(indicator(mayAsKnownBefore, "4.2").path("value").decimalValue()).isEqualByComparingTo("99");
        assertThat(criterion(mayAsKnownBefore, "4").path("status").asString()).isEqualTo("MET");
        assertThat(set(mayAsKnownBefore).path("status").asString()).isEqualTo("MET");

        JsonNode hopThinh = null;
        for (JsonNode root : http().get("/api/units?asOf=2024-05-15&knownAt=" + AFTER_T3).json()) {
            for (JsonNode child : root.path("children")) {
                hopThinh = child.path("id").asString().equals(commune) ? child : hopThinh;
            }
        }
        assertThat(hopThinh).isNotNull();
        assertThat(hopThinh.path("summary").path("notMet").asInt()).as("the unit tree reads the same way")
                .isEqualTo(1);
    }

    /**
     * (b) A retraction stretch (UNKNOWN, no governing measurement) replaces the indicator for its dates, and the
     * criterion stretch beside it changes too. Catches stretches ordered by valid date before recorded time: on
     * 2024-08-01 the stretch recorded at T4 (valid from 07-01, income met again) would win over the later one of T5
     * (valid from 01-15); and catches an UNKNOWN stretch without a measurement read as "nothing known", which would
     * fall back to the earlier met stretches.
     */
    @Test
    void aRetractionLeavesTheIndicatorUnknownForItsDatesAndItsCriterionChangesWithIt() {
        JsonNode august = unit("2024-08-01", null);
        JsonNode income = indicator(august, "10.1");
        assertThat(income.path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(income.path("value").isNull()).isTrue();
        assertThat(income.path("governingMeasurementId").isNull()).as("no measurement governs it").isTrue();
        assertThat(income.path("causeKind").asString()).isEqualTo(StatusCause.MEASUREMENT_RETRACTED);
        assertThat(criterion(august, "10").path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(set(august).path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(indicator(august, "4.2").path("status").asString()).as("electricity untouched").isEqualTo("MET");

        JsonNode february = unit("2024-02-15", null);
        assertThat(indicator(february, "10.1").path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(criterion(february, "10").path("status").asString()).isEqualTo("UNKNOWN");

        JsonNode betweenTheRetractions = unit("2024-08-01", BETWEEN_T4_AND_T5);
        assertThat(indicator(betweenTheRetractions, "10.1").path("status").asString()).isEqualTo("MET");
        assertThat(indicator(betweenTheRetractions, "10.1").path("value").decimalValue())
                .as("January's figure governs again").isEqualByComparingTo("60");
        assertThat(criterion(betweenTheRetractions, "10").path("status").asString()).isEqualTo("MET");
    }

    /**
     * (d) The counts of criteria met are those of the date asked, from the set's stretch that holds it, in the matrix,
     * its counts per level and the progress report. Catches counts taken from the set stretch that began last before
     * the date (the May figure's 1 of 2, which ended on 07-01) or from the one recorded last whatever its dates.
     */
    @Test
    void countsOfCriteriaMetAreThoseOfTheDateAsked() throws Exception {
        JsonNode august = matrix("2024-08-01", AFTER_T3);
        JsonNode row = row(august, commune);
        assertThat(set(row).path("criteriaMet").asInt()).isEqualTo(2);
        assertThat(set(row).path("criteriaTotal").asInt()).isEqualTo(2);
        assertThat(set(row).path("validOn").asString()).isEqualTo("2024-01-15");
        assertThat(count(august).path("met").asInt()).isEqualTo(1);

        JsonNode may = matrix("2024-05-15", AFTER_T3);
        assertThat(set(row(may, commune)).path("criteriaMet").asInt()).isEqualTo(1);
        assertThat(count(may).path("notMet").asInt()).isEqualTo(1);

        assertThat(set(row(matrix("2024-05-15", null), commune)).path("criteriaMet").asInt())
                .as("electricity not met, income unknown since the retraction").isZero();
        assertThat(set(row(matrix("2024-08-01", null), commune)).path("criteriaMet").asInt()).isEqualTo(1);

        assertThat(reportFooter("2024-08-01", AFTER_T3)).isEqualTo("Tổng số tiêu chí đạt: 2/2");
        assertThat(reportFooter("2024-05-15", AFTER_T3)).isEqualTo("Tổng số tiêu chí đạt: 1/2");
    }

    /**
     * (e) Statuses published as schema version 1 are still read: each as a stretch from its valid date, open-ended,
     * of a legacy change. Catches a consumer that dead-letters version 1 or reads it as ending somewhere (it would
     * have no status in 2030), and a legacy criterion given a set version it never named.
     */
    @Test
    void aVersionOneStatusOnTheWireIsReadAsAnOpenEndedStretch() {
        JsonNode later = row(http().get("/api/matrix?unit=" + legacy + "&asOf=2030-01-01&indicators=true").json(),
                legacy);
        assertThat(indicator(later, "4.2").path("status").asString()).isEqualTo("NOT_MET");
        assertThat(indicator(later, "4.2").path("validUntil").isNull()).isTrue();
        assertThat(indicator(later, "4.2").path("causeKind").asString()).isEqualTo(StatusCause.LEGACY);
        assertThat(indicator(later, "4.2").path("setVersion").asInt()).isEqualTo(1);
        assertThat(criterion(later, "4").path("status").asString()).isEqualTo("NOT_MET");
        assertThat(criterion(later, "4").path("setVersion").isNull()).as("version 1 named none").isTrue();
        JsonNode march = row(http().get("/api/matrix?unit=" + legacy + "&asOf=2024-03-01&indicators=true").json(),
                legacy);
        assertThat(indicator(march, "4.2").path("status").asString()).isEqualTo("MET");
        assertThat(criterion(march, "4").path("status").asString()).isEqualTo("MET");

        JsonNode history = http().get("/api/units/" + legacy + "/history").json();
        assertThat(history).hasSize(2);
        history.forEach(h -> {
            assertThat(h.path("validUntil").isNull()).isTrue();
            assertThat(h.path("causeKind").asString()).isEqualTo(StatusCause.LEGACY);
        });
        assertThat(history.get(1).path("governingMeasurementId").asString()).isEqualTo("m-old-2");
        List<String> letters = new ArrayList<>();
        http().get("/api/dead-letters").json().forEach(l -> letters.add(l.path("key").asString()));
        assertThat(letters).doesNotContain(legacy);
    }

    /**
     * (f) The changes between two dates are the dates on which a status, as known at the time asked, differs from the
     * day before: a back-dated fact introduces two (its start and its end). Catches changes listed from the rows
     * valid in (from, to]: that would miss the criterion's and the set's return to met on 07-01, where no stretch of
     * theirs begins, and list July's indicator stretches although their status did not change.
     */
    @Test
    void changesBetweenTwoDatesIncludeTheOnesABackDatedFactIntroduced() {
        JsonNode known = http().get("/api/changes?unit=" + commune + "&from=2024-04-01&to=2024-08-01&knownAt="
                + AFTER_T3).json();
        assertThat(changes(known)).containsExactly(
                "2024-05-01 INDICATOR 4.2 MET→NOT_MET", "2024-05-01 CRITERION 4 MET→NOT_MET",
                "2024-05-01 SET - MET→NOT_MET",
                "2024-07-01 INDICATOR 4.2 NOT_MET→MET", "2024-07-01 CRITERION 4 NOT_MET→MET",
                "2024-07-01 SET - NOT_MET→MET");
        known.path("events").forEach(e -> {
            assertThat(e.path("recordedAt").asString()).as("brought about by the back-dated figure")
                    .isEqualTo(T3.toString());
            assertThat(e.path("actorSubject").asString()).isEqualTo(OFFICER.subject());
        });
        assertThat(changes(http().get("/api/changes?unit=" + commune + "&from=2024-04-01&to=2024-08-01&knownAt="
                + BEFORE_T3).json())).as("before it was recorded, nothing changed in that time").isEmpty();

        assertThat(changes(http().get("/api/changes?unit=" + commune + "&from=2024-04-01&to=2024-08-01").json()))
                .as("as known now, income is unknown throughout").containsExactly(
                        "2024-05-01 INDICATOR 4.2 MET→NOT_MET", "2024-05-01 CRITERION 4 MET→NOT_MET",
                        "2024-05-01 SET - UNKNOWN→NOT_MET",
                        "2024-07-01 INDICATOR 4.2 NOT_MET→MET", "2024-07-01 CRITERION 4 NOT_MET→MET",
                        "2024-07-01 SET - NOT_MET→UNKNOWN");
    }

    /**
     * The unit's timeline lists the stretches as recorded, each with its valid dates, recorded time, cause and actor.
     * Catches a timeline that shows only where stretches begin (the May figure's end on 07-01 would be lost) or only
     * what holds now (the stretches T5 replaced would be gone).
     */
    @Test
    void theTimelineShowsEachStretchWithItsValidAndRecordedTimeCauseAndActor() {
        JsonNode timeline = http().get("/api/units/" + commune + "/timeline?indicator=4.2").json();
        List<String> lines = new ArrayList<>();
        timeline.forEach(e -> lines.add(e.path("validOn").asString() + ".." + e.path("validUntil").asString("")
                + " " + e.path("status").path("status").asString() + " @" + e.path("recordedAt").asString() + " "
                + e.path("status").path("causeKind").asString() + " " + e.path("status").path("actorSubject")
                .asString()));
        assertThat(lines).containsExactly(
                "2024-01-15.. MET @" + T1 + " MEASUREMENT_RECORDED can-bo@hopthinh",
                "2024-05-01..2024-07-01 NOT_MET @" + T3 + " MEASUREMENT_RECORDED can-bo@hopthinh",
                "2024-07-01.. MET @" + T2 + " MEASUREMENT_RECORDED can-bo@hopthinh");
        assertThat(http().get("/api/units/" + commune + "/timeline?indicator=10.1").json()).hasSize(4);
        assertThat(http().get("/api/units/" + commune + "/timeline?indicator=10.1&knownAt=" + BEFORE_T3).json())
                .hasSize(2);
    }

    /**
     * What criteria-service really publishes (test-support's recording of its aggregate and publisher: a measurement,
     * one dated before it, a correction, a later one, a retraction, a pass/fail indicator, version 2 dropping it) reads
     * as the timelines the facts give, worked out here from the facts alone. Catches a consumer written against
     * hand-made events that the producer does not emit, and an indicator that version 2 dropped still shown in 2025
     * (nothing is published for it after version 1, its last stretch is open-ended).
     */
    @Test
    void whatCriteriaServicePublishesForARealHistoryReadsAsTheTimelinesTheFactsGive() {
        // May 2024: the back-dated 45/50 (90 %) governs I1 until June's figure; I2 12 ≥ 10; C2 unknown
        JsonNode may = recorded("2024-05-01", null);
        assertThat(indicator(may, "I1").path("status").asString()).isEqualTo("MET");
        assertThat(indicator(may, "I1").path("value").decimalValue()).isEqualByComparingTo("90");
        assertThat(criterion(may, "C1").path("status").asString()).isEqualTo("MET");
        assertThat(criterion(may, "C2").path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(set(may).path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(set(may).path("criteriaMet").asInt()).isEqualTo(1);

        // July 2024: June's figure retracted, so 45/50 governs again until September; I3 passed from June
        JsonNode july = recorded("2024-07-15", null);
        assertThat(indicator(july, "I1").path("value").decimalValue()).isEqualByComparingTo("90");
        assertThat(indicator(july, "I1").path("governingMeasurementId").asString())
                .isEqualTo("00000000-0000-4000-8000-000000000003");
        assertThat(indicator(july, "I3").path("status").asString()).isEqualTo("MET");
        assertThat(set(july).path("status").asString()).isEqualTo("MET");
        assertThat(set(july).path("criteriaMet").asInt()).isEqualTo(2);
        JsonNode julyBeforeTheRetraction = recorded("2024-07-15", "2026-01-05T12:00:00Z");
        assertThat(indicator(julyBeforeTheRetraction, "I1").path("value").decimalValue())
                .as("June's figure as corrected, 46/50").isEqualByComparingTo("92");
        assertThat(set(julyBeforeTheRetraction).path("status").asString()).isEqualTo("UNKNOWN");

        // October 2024: 30/50
        JsonNode october = recorded("2024-10-15", null);
        assertThat(indicator(october, "I1").path("status").asString()).isEqualTo("NOT_MET");
        assertThat(criterion(october, "C1").path("status").asString()).isEqualTo("NOT_MET");
        assertThat(set(october).path("status").asString()).isEqualTo("NOT_MET");
        assertThat(set(october).path("criteriaMet").asInt()).isEqualTo(1);

        // 2025: version 2, which has no I3
        JsonNode matrix2025 = http().get("/api/matrix?unit=" + RECORDED_COMMUNE + "&asOf=2025-03-01&indicators=true")
                .json();
        assertThat(matrix2025.path("criteriaSets").path(0).path("version").asInt()).isEqualTo(2);
        JsonNode in2025 = row(matrix2025, RECORDED_COMMUNE);
        assertThat(AsOfReportingIT.values(in2025.path("indicators"), "indicatorCode"))
                .containsExactlyInAnyOrder("I1", "I2");
        assertThat(indicator(in2025, "I1").path("setVersion").asInt()).isEqualTo(2);
        assertThat(criterion(in2025, "C2").path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(set(in2025).path("status").asString()).isEqualTo("NOT_MET");
        assertThat(set(in2025).path("criteriaMet").asInt()).isZero();

        assertThat(changes(http().get("/api/changes?unit=" + RECORDED_COMMUNE + "&from=2024-06-01&to=2024-10-01")
                .json())).containsExactly(
                "2024-06-30 INDICATOR I3 UNKNOWN→MET", "2024-06-30 CRITERION C2 UNKNOWN→MET",
                "2024-06-30 SET - UNKNOWN→MET",
                "2024-09-30 INDICATOR I1 MET→NOT_MET", "2024-09-30 CRITERION C1 MET→NOT_MET",
                "2024-09-30 SET - MET→NOT_MET");
    }

    private static final String RECORDED_SET = "TEST-SET";
    private static final String RECORDED_COMMUNE = RecordedEvents.VALID_TIME_COMMUNE;

    /** The recording's commune and set (as criteria-service's RecordedHistoryTest describes them), then its lines. */
    private void publishTheRecording() {
        String province = RecordedEvents.VALID_TIME_PROVINCE;
        UnitRef p = new UnitRef(province, "PROVINCE", "Tỉnh thử nghiệm");
        LocalDate founded = LocalDate.of(1997, 1, 1);
        Instant early = Instant.parse("2025-12-01T00:00:00Z");
        send(EventTypes.UNITS_TOPIC, Envelope.of(UUID.randomUUID(), founded, early, OFFICER, province, List.of(p),
                new UnitRegistered("PROVINCE", "Tỉnh thử nghiệm", null, founded, "TDMNPB", null, null, null)));
        send(EventTypes.UNITS_TOPIC, Envelope.of(UUID.randomUUID(), founded, early, OFFICER, RECORDED_COMMUNE,
                List.of(p, new UnitRef(RECORDED_COMMUNE, "COMMUNE", "Xã thử nghiệm thời gian")),
                new UnitRegistered("COMMUNE", "Xã thử nghiệm thời gian", province, founded, null, null, null, null)));
        CriteriaSetPublished.Indicator i1 = new CriteriaSetPublished.Indicator("I1", "Tỷ lệ", "Rate", "RATE", "GE",
                "%", List.of());
        CriteriaSetPublished.Indicator i2 = new CriteriaSetPublished.Indicator("I2", "Số lượng", "Number", "NUMBER",
                "GE", null, List.of());
        CriteriaSetPublished.Criterion c1 = new CriteriaSetPublished.Criterion("C1", "Tiêu chí 1", "Criterion 1",
                List.of(i1, i2));
        LocalDate v1 = LocalDate.of(2024, 1, 1);
        LocalDate v2 = LocalDate.of(2025, 1, 1);
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), v1, early, OFFICER, null, List.of(),
                new CriteriaSetPublished(RECORDED_SET, RECORDED_SET, 1, "Bộ thử", "Test set", "COMMUNE", null, v1,
                        null, List.of(c1, new CriteriaSetPublished.Criterion("C2", "Tiêu chí 2", "Criterion 2",
                        List.of(new CriteriaSetPublished.Indicator("I3", "Đạt/không", "Pass/fail", "BOOLEAN", null,
                                null, List.of())))), false)));
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), v2, Instant.parse("2026-01-08T00:00:00Z"),
                OFFICER, null, List.of(), new CriteriaSetPublished(RECORDED_SET, RECORDED_SET, 2, "Bộ thử 2025",
                        "Test set 2025", "COMMUNE", null, v2, null, List.of(c1, new CriteriaSetPublished.Criterion(
                        "C2", "Tiêu chí 2", "Criterion 2", List.of(new CriteriaSetPublished.Indicator("I4",
                        "Không có", "None", "NUMBER", "LE", null, List.of())))), false)));
        RecordedEvents.load(RecordedEvents.VALID_TIME_HISTORY).forEach(line ->
                KafkaTopics.send(service.brokers(), EventTypes.CRITERIA_TOPIC, RECORDED_COMMUNE, line));
    }

    private JsonNode recorded(String asOf, String knownAt) {
        return row(http().get("/api/matrix?unit=" + RECORDED_COMMUNE + "&asOf=" + asOf + "&indicators=true&depth=0"
                + (knownAt == null ? "" : "&knownAt=" + knownAt)).json(), RECORDED_COMMUNE);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private JsonNode matrix(String asOf, String knownAt) {
        return http().get("/api/matrix?unit=" + province + "&asOf=" + asOf + "&indicators=true"
                + (knownAt == null ? "" : "&knownAt=" + knownAt)).json();
    }

    /** The commune's row of the matrix as of a date, as known at a time (null: now). */
    private JsonNode unit(String asOf, String knownAt) {
        return row(http().get("/api/matrix?unit=" + commune + "&asOf=" + asOf + "&indicators=true&depth=0"
                + (knownAt == null ? "" : "&knownAt=" + knownAt)).json(), commune);
    }

    /** The communes' count for this test's set. */
    private static JsonNode count(JsonNode matrix) {
        for (JsonNode set : level(matrix, "COMMUNE").path("sets")) {
            if (set.path("criteriaSet").asString().equals(SET)) {
                return set;
            }
        }
        throw new AssertionError("no count of " + SET + " in " + matrix.path("counts"));
    }

    private static JsonNode set(JsonNode row) {
        assertThat(row.path("sets")).hasSize(1);
        return row.path("sets").path(0);
    }

    private static List<String> changes(JsonNode changes) {
        List<String> lines = new ArrayList<>();
        changes.path("events").forEach(e -> lines.add(e.path("validOn").asString() + " " + e.path("kind").asString()
                + " " + (e.path("kind").asString().equals("INDICATOR") ? e.path("indicatorCode").asString()
                : e.path("kind").asString().equals("CRITERION") ? e.path("criterionCode").asString() : "-") + " "
                + e.path("previousStatus").asString() + "→" + e.path("status").asString()));
        return lines;
    }

    private String reportFooter(String asOf, String knownAt) throws Exception {
        java.net.http.HttpResponse<byte[]> xlsx = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + service.port()
                        + "/api/exports/progress-report.xlsx?unit=" + commune + "&asOf=" + asOf + "&knownAt="
                        + knownAt)).header("Authorization", "Bearer " + vn.ntm.testing.TestIdentity.operatorToken())
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            return new org.apache.poi.ss.usermodel.DataFormatter()
                    .formatCellValue(sheet.getRow(sheet.getLastRowNum()).getCell(0));
        }
    }

    private static StatusCause recorded(String measurement, String indicator, LocalDate validOn) {
        return new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, indicator, validOn);
    }

    private static MeasurementRecorded measured(String id, String indicator, String value) {
        return new MeasurementRecorded(id, SET, indicator, new BigDecimal(value), null, null, null, "BC", null, null,
                null, 1);
    }

    private static IndicatorStatusChanged power(String status, LocalDate until, String value, String measurement,
                                                StatusCause cause) {
        return new IndicatorStatusChanged(SET, "4", "4.2", status, until, value == null ? null : new BigDecimal(value),
                "GE", new BigDecimal("98"), "%", true, "QĐ thử", measurement, 1, cause);
    }

    /** The income indicator's stretch; with no measurement, UNKNOWN without value nor threshold. */
    private static IndicatorStatusChanged income(String status, LocalDate until, String value, String measurement,
                                                 StatusCause cause) {
        boolean judged = measurement != null;
        return new IndicatorStatusChanged(SET, "10", "10.1", status, until, judged ? new BigDecimal(value) : null,
                judged ? "GE" : null, judged ? new BigDecimal("54") : null, judged ? "triệu đồng" : null, judged,
                judged ? "QĐ thử" : null, measurement, 1, cause);
    }

    private static CriterionStatusChanged criterionIs(String code, String status, LocalDate until, StatusCause cause) {
        return new CriterionStatusChanged(SET, code, status, until, 1, cause);
    }

    private static CriteriaSetStatusChanged setIs(String status, LocalDate until, int met, List<String> notMet,
                                                  StatusCause cause) {
        return new CriteriaSetStatusChanged(SET, status, until, met, 2, notMet, 1, cause);
    }

    private void fact(List<UnitRef> path, LocalDate validOn, Instant recordedAt, IntegrationPayload payload) {
        send(EventTypes.CRITERIA_TOPIC, Envelope.of(UUID.randomUUID(), validOn, recordedAt, OFFICER, commune, path,
                payload));
    }

    /** A stretch from {@code validOn}, as criteria-service publishes it after the command recorded at the time. */
    private void stretch(List<UnitRef> path, LocalDate validOn, Instant recordedAt, IntegrationPayload payload) {
        Envelope<?> envelope = Envelope.of(UUID.randomUUID(), validOn, recordedAt, OFFICER, commune, path, payload);
        stretches.add(envelope);
        send(EventTypes.CRITERIA_TOPIC, envelope);
    }

    private void send(String topic, Envelope<?> envelope) {
        MergerHistory.send(service.brokers(), service.codec(), topic, envelope);
    }

    private JsonHttp http() {
        return service.http();
    }
}
