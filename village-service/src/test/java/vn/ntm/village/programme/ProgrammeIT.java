package vn.ntm.village.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.StatusCause;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.village.UnitsThroughTheApi;
import vn.ntm.village.programme.command.DeadlineWatch;

/**
 * Plans, deadlines and recognition on real PostgreSQL and Kafka: the deadline watch driven by a clock the test sets;
 * criteria statuses arriving on ntm.criteria gate the request and the decision and raise revocation warnings.
 */
@ServiceIntegrationTest
@Import(ProgrammeIT.TestClock.class)
@TestPropertySource(properties = {"ntm.test.suite=programme", "ntm.deadlines.initial-delay-ms=3600000"})
@DirtiesContext
class ProgrammeIT extends UnitsThroughTheApi {

    private static final String SET = "TEST-THON-KM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final Actor CRITERIA = Actor.system("criteria-service");
    private static final StatusCause MEASURED = new StatusCause(StatusCause.MEASUREMENT_RECORDED,
            UUID.randomUUID().toString(), "1.1", LocalDate.of(2024, 9, 30));

    /**
     * The test set's key criteria for the revocation rule, by code as application.yml gives the shipped sets': 1 (Thu
     * nhập) and 3 (Quốc phòng và An ninh).
     */
    @DynamicPropertySource
    static void keyCriteria(DynamicPropertyRegistry registry) {
        registry.add("ntm.revocation.key-criteria[" + SET + "]", () -> "1,3");
    }

    /** A clock the test moves. */
    @TestConfiguration
    static class TestClock {
        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }

    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2024-03-05T02:00:00Z");

        void set(LocalDate day) {
            now = day.atTime(2, 0).toInstant(ZoneOffset.UTC);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        /** This clock's instants (moving with it) read in another zone. */
        @Override
        public Clock withZone(ZoneId zone) {
            MovableClock moving = this;
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return zone;
                }

                @Override
                public Clock withZone(ZoneId other) {
                    return moving.withZone(other);
                }

                @Override
                public Instant instant() {
                    return moving.instant();
                }
            };
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    DeadlineWatch deadlines;

    String songVan;
    String hoangVan;

    ProgrammeIT(ServiceUnderTest service) {
        super(service);
    }

    @BeforeEach
    void units() {
        clock.set(LocalDate.of(2024, 3, 5));
        String province = register(Map.of("level", "PROVINCE", "name", "Tỉnh " + UUID.randomUUID(),
                "validFrom", "2024-03-05", "region", "TDMNPB"));
        songVan = register(Map.of("level", "COMMUNE", "name", "Song Vân", "parentId", province,
                "validFrom", "2024-03-05"));
        hoangVan = register(Map.of("level", "VILLAGE", "name", "Hoàng Vân", "parentId", songVan,
                "validFrom", "2024-03-05"));
    }

    @Test
    void aTaskStillOpenAfterItsDeadlineIsMissedOnceAtTheRightMoment() {
        JsonHttp.Response adopted = http().post("/api/units/" + songVan + "/plans", plan(List.of(
                Map.of("id", "village-plans", "description", "Các thôn xây dựng kế hoạch năm 2024 xong trước 05/4/2024",
                        "dueDate", "2024-04-05", "responsibleOffice", "Ban phát triển các thôn"),
                Map.of("id", "model-village-plans", "description", "Phương án thôn NTM kiểu mẫu",
                        "dueDate", "2024-04-01", "responsibleOffice", "Ban phát triển thôn", "unitIds",
                        List.of(hoangVan)))));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        String planId = adopted.json().path("planId").asString();
        assertThat(http().post("/api/plans/" + planId + "/tasks/model-village-plans/completion",
                Map.of("completedOn", "2024-03-05")).status()).isEqualTo(200);

        clock.set(LocalDate.of(2024, 4, 5));
        deadlines.check();
        assertThat(status(planId, "village-plans")).as("due today: not missed yet").isEqualTo("OPEN");

        clock.set(LocalDate.of(2024, 4, 6));
        deadlines.check();
        deadlines.check();
        assertThat(status(planId, "village-plans")).isEqualTo("MISSED");
        assertThat(status(planId, "model-village-plans")).isEqualTo("DONE");
        assertThat(http().get("/api/deadlines?status=MISSED&unitId=" + songVan).json()).hasSize(1);
        // Dates of tasks are plain dates like every other date of the API; they were 2024-04-01T00:00:00.000Z.
        JsonNode done = StreamSupport.stream(http().get("/api/plans/" + planId).json().path("taskStatus")
                .spliterator(), false).filter(t -> t.path("taskId").asString().equals("model-village-plans"))
                .findFirst().orElseThrow();
        assertThat(done.path("dueDate").asString()).isEqualTo("2024-04-01");
        assertThat(done.path("completedOn").asString()).isEqualTo("2024-03-05");
        JsonNode missedTask = http().get("/api/deadlines?status=MISSED&unitId=" + songVan).json().get(0);
        assertThat(missedTask.path("dueDate").asString()).isEqualTo("2024-04-05");
        assertThat(missedTask.path("missedOn").asString()).isEqualTo("2024-04-06");

        List<JsonNode> missed = published("PlanDeadlineMissed", songVan, 1);
        assertThat(missed).hasSize(1);
        assertThat(missed.get(0).path("validOn").asString()).isEqualTo("2024-04-06");
        assertThat(missed.get(0).path("payload").path("dueDate").asString()).isEqualTo("2024-04-05");
        assertThat(missed.get(0).path("actor").path("role").asString()).isEqualTo("system");
    }

    /**
     * A plan adopted before each event had its own file was stored as {@code PlanEvents$PlanAdopted}: the aggregate
     * is still sourced from it (the upcaster renames the type as it is read), so its task can be completed. Without
     * the upcaster the event is of an unknown type and the plan cannot be sourced: the completion fails with 500.
     */
    @Test
    void aPlanStoredUnderItsFormerEventNameIsStillRead() {
        JsonHttp.Response adopted = http().post("/api/units/" + songVan + "/plans", plan(List.of(Map.of("id",
                "village-plans", "description", "Các thôn xây dựng kế hoạch", "dueDate", "2024-04-05"))));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        String planId = adopted.json().path("planId").asString();
        assertThat(service.jdbc().update(
                "update domain_event_entry set payload_type = ? where aggregate_identifier = ?",
                "vn.ntm.village.programme.api.PlanEvents$PlanAdopted", planId)).isEqualTo(1);

        JsonHttp.Response done = http().post("/api/plans/" + planId + "/tasks/village-plans/completion",
                Map.of("completedOn", "2024-03-05"));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(status(planId, "village-plans")).isEqualTo("DONE");
    }

    @Test
    void badPlansExplainThemselvesAndRecordNothing() {
        long before = storedEvents();
        JsonHttp.Response early = http().post("/api/units/" + songVan + "/plans", plan(List.of(Map.of("id", "t",
                "description", "Quá sớm", "dueDate", "2024-03-01"))));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.problemType()).isEqualTo("deadline-before-plan");
        JsonHttp.Response noNumber = http().post("/api/units/" + songVan + "/plans",
                Map.of("adoptedOn", "2024-03-05", "year", 2024));
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void recognitionIsGatedByCriteriaStatusesAndEndsWithADecisionAReward() {
        clock.set(LocalDate.of(2024, 12, 31));
        assertThat(http().post("/api/units/" + songVan + "/plans", plan(List.of())).status()).isEqualTo(201);
        publishCriteria(null, new CriteriaSetPublished(SET, SET, 1, "Bộ tiêu chí thôn kiểm thử", null, "VILLAGE",
                "Quyết định kiểm thử", LocalDate.of(2024, 1, 1), null, List.of(
                criterion("1", "Thu nhập"), criterion("2", "Nhà văn hóa"), criterion("3", "Quốc phòng và An ninh")),
                false));

        JsonHttp.Response tooEarly = requestRecognition();
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(409);
        assertThat(tooEarly.problemType()).isEqualTo("criteria-status-unknown");

        criterion("1", "MET", "2024-09-01");
        criterion("2", "MET", "2024-09-01");
        criterion("3", "NOT_MET", "2024-09-30");
        setStretch(hoangVan, SET, "2024-09-30", null, "NOT_MET", 2, 3, List.of("3"));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + hoangVan
                + "/criteria-standing?criteriaSet=" + SET).status() == 200);
        JsonHttp.Response unmet = requestRecognition();
        assertThat(unmet.status()).isEqualTo(409);
        assertThat(unmet.problemType()).isEqualTo("criteria-not-met");
        assertThat(unmet.json().path("detail").asString()).contains("Quốc phòng và An ninh");

        criterion("3", "MET", "2024-09-30");
        setStretch(hoangVan, SET, "2024-09-30", null, "MET", 3, 3, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + hoangVan
                + "/criteria-standing?criteriaSet=" + SET).json().path("status").asString().equals("MET"));

        // A request names its id as the answer does (recognitionId); it took "id" only, answered "recognitionId".
        String chosen = UUID.randomUUID().toString();
        JsonHttp.Response differ = requestRecognition(Map.of("recognitionId", chosen, "id", UUID.randomUUID().toString()));
        assertThat(differ.status()).isEqualTo(400);
        assertThat(differ.problemType()).isEqualTo("recognition-ids-differ");
        JsonHttp.Response requested = requestRecognition(Map.of("recognitionId", chosen));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("recognitionId").asString();
        assertThat(id).isEqualTo(chosen);
        JsonHttp.Response again = requestRecognition(Map.of("id", chosen));
        assertThat(again.status()).as("the former name still names the id").isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("recognition-id-taken");
        assertThat(again.json().path("field").asString()).isEqualTo("recognitionId");
        step(id, "PUBLIC_COMMENT", "2024-10-05", "UBND xã Song Vân");
        long before = storedEvents();
        JsonHttp.Response tooMany = http().post("/api/recognitions/" + id + "/survey", survey(120, 121));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.problemType()).isEqualTo("more-satisfied-than-surveyed");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(http().post("/api/recognitions/" + id + "/survey", survey(120, 118)).status()).isEqualTo(200);
        step(id, "HIGHER_LEVEL_CHECK", "2024-10-20", "UBND huyện Tân Yên");
        step(id, "APPRAISAL", "2024-10-25", "Hội đồng thẩm định");
        JsonHttp.Response noNumber = http().post("/api/recognitions/" + id + "/decision",
                Map.of("decidedOn", "2024-11-01", "authority", "Chủ tịch UBND huyện Tân Yên"));
        assertThat(noNumber.status()).isEqualTo(400);
        JsonHttp.Response decided = http().post("/api/recognitions/" + id + "/decision", Map.of(
                "decisionNumber", "123/QĐ-UBND", "decidedOn", "2024-11-01", "authority", "Chủ tịch UBND huyện Tân Yên"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("status").asString()).isEqualTo("DECIDED");
        JsonNode reward = StreamSupport.stream(decided.json().path("history").spliterator(), false)
                .filter(h -> h.path("kind").asString().equals("REWARD")).findFirst().orElseThrow();
        assertThat(reward.path("amount").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(published("RewardGranted", hoangVan, 1)).hasSize(1);

        criterion("1", "NOT_MET", "2025-03-01");
        setStretch(hoangVan, SET, "2025-03-01", null, "NOT_MET", 2, 3, List.of("1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/recognitions/" + id).json()
                .path("history").toString().contains("REVOCATION_WARNING"));
        JsonNode warning = published("RevocationWarning", hoangVan, 1).get(0);
        assertThat(warning.path("validOn").asString()).isEqualTo("2025-03-01");
        assertThat(warning.path("payload").path("trigger").asString()).isEqualTo("KEY_CRITERION_30_PERCENT");
        assertThat(warning.path("payload").path("failingKeyCriteria").get(0).asString()).isEqualTo("1 Thu nhập");

        clock.set(LocalDate.of(2025, 6, 1));
        JsonHttp.Response revoked = http().post("/api/recognitions/" + id + "/revocation", Map.of(
                "decisionNumber", "45/QĐ-UBND", "decidedOn", "2025-05-01", "authority", "Chủ tịch UBND tỉnh",
                "reason", "Tiêu chí thu nhập không còn đạt"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
    }

    /**
     * Observation 3 of issue 14: a later-valid stretch arrives first, then back-dated bounded ones; the counts of each
     * date are those criteria-service gave for it. Catches the one-row-per-unit upsert (every date reads the counts of
     * the last stretch to arrive: criteriaMet 13 for a commune with 10 of 19 criteria failing), a stretch that
     * replaces only the row starting on its date, and a cut that drops the tail of the row it lands in.
     */
    @Test
    void theCountsOfADateAreThoseOfThatDateWhateverOrderTheStretchesArriveIn() {
        clock.set(LocalDate.of(2024, 12, 31));
        String set = SET + "-19";
        List<String> ten = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        setStretch(songVan, set, "2024-07-01", null, "NOT_MET", 9, 19, ten);
        setStretch(songVan, set, "2024-01-01", "2024-04-01", "NOT_MET", 13, 19, ten.subList(0, 6));
        setStretch(songVan, set, "2024-04-01", "2024-07-01", "NOT_MET", 16, 19, ten.subList(0, 3));
        setStretch(songVan, set, "2024-08-01", "2024-09-01", "NOT_MET", 12, 19, ten.subList(0, 7));
        await().atMost(Duration.ofSeconds(30)).until(() -> standing(songVan, set, "2024-08-15").status() == 200);

        assertThat(counts(songVan, set, "2024-02-15"))
                .isEqualTo("13/19 met, 6 not met from 2024-01-01 until 2024-04-01");
        assertThat(counts(songVan, set, "2024-03-31"))
                .isEqualTo("13/19 met, 6 not met from 2024-01-01 until 2024-04-01");
        assertThat(counts(songVan, set, "2024-04-01"))
                .isEqualTo("16/19 met, 3 not met from 2024-04-01 until 2024-07-01");
        assertThat(counts(songVan, set, "2024-07-01"))
                .isEqualTo("9/19 met, 10 not met from 2024-07-01 until 2024-08-01");
        assertThat(counts(songVan, set, "2024-08-15"))
                .isEqualTo("12/19 met, 7 not met from 2024-08-01 until 2024-09-01");
        assertThat(counts(songVan, set, "2024-09-01")).as("the open-ended stretch goes on after the bounded one")
                .isEqualTo("9/19 met, 10 not met from 2024-09-01 until null");
        assertThat(counts(songVan, set, null)).as("today").isEqualTo("9/19 met, 10 not met from 2024-09-01 until null");
        assertThat(standing(songVan, set, "2023-12-31").problemType()).isEqualTo("standing-not-known");
        assertThat(service.jdbc().queryForObject(
                "select count(*) from set_standing where unit_id = ? and criteria_set = ?",
                Integer.class, UUID.fromString(songVan), set)).as("no two rows for one date").isEqualTo(5);
    }

    /**
     * The standing endpoint answers for {@code asOf}, by default today in Vietnam (UTC+7): catches an endpoint that
     * ignores {@code asOf} and answers the latest stretch, one whose criteria are those of another date, and "today"
     * read in UTC (at 20:00 UTC on 31/12/2024 it is already 1/1/2025 in Hà Nội).
     */
    @Test
    void theCriteriaStandingEndpointAnswersForTheDateAsked() {
        publishCatalogue();
        criterionStretch(hoangVan, SET, "1", "MET", "2024-06-01", null);
        criterionStretch(hoangVan, SET, "2", "MET", "2024-09-01", null);
        criterionStretch(hoangVan, SET, "2", "NOT_MET", "2024-06-01", "2024-09-01");
        setStretch(hoangVan, SET, "2024-09-01", null, "UNKNOWN", 2, 3, List.of());
        setStretch(hoangVan, SET, "2024-06-01", "2024-09-01", "NOT_MET", 1, 3, List.of("2"));
        criterionStretch(hoangVan, SET, "3", "MET", "2025-01-01", null);
        setStretch(hoangVan, SET, "2025-01-01", null, "MET", 3, 3, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> standing(hoangVan, SET, "2025-01-01").json()
                .path("status").asString().equals("MET"));

        JsonNode july = standing(hoangVan, SET, "2024-07-01").json();
        assertThat(july.path("asOf").asString()).isEqualTo("2024-07-01");
        assertThat(july.path("status").asString()).isEqualTo("NOT_MET");
        assertThat(july.path("criteriaMet").asInt()).isEqualTo(1);
        assertThat(july.path("criteriaTotal").asInt()).isEqualTo(3);
        assertThat(july.path("notMet").toString()).isEqualTo("[\"2 Nhà văn hóa\"]");
        assertThat(july.path("unknown").toString()).isEqualTo("[\"3 Quốc phòng và An ninh\"]");
        assertThat(july.path("validFrom").asString()).isEqualTo("2024-06-01");
        assertThat(july.path("validUntil").asString()).isEqualTo("2024-09-01");
        assertThat(StreamSupport.stream(july.path("criteria").spliterator(), false)
                .map(c -> c.path("code").asString() + " " + c.path("status").asString() + " "
                        + c.path("validFrom").asString(null) + ".." + c.path("validUntil").asString(null)).toList())
                .containsExactly("1 MET 2024-06-01..null", "2 NOT_MET 2024-06-01..2024-09-01", "3 UNKNOWN null..null");
        JsonNode october = standing(hoangVan, SET, "2024-10-01").json();
        assertThat(october.path("status").asString()).isEqualTo("UNKNOWN");
        assertThat(october.path("criteriaMet").asInt()).isEqualTo(2);
        assertThat(october.path("notMet")).isEmpty();

        clock.set(Instant.parse("2024-12-31T20:00:00Z"));
        JsonNode today = standing(hoangVan, SET, null).json();
        assertThat(today.path("asOf").asString()).isEqualTo("2025-01-01");
        assertThat(today.path("status").asString()).isEqualTo("MET");
        assertThat(standing(hoangVan, SET, "2024-05-31").status()).isEqualTo(404);
        assertThat(standing(hoangVan, SET, "31-12-2024").status()).isEqualTo(400);
    }

    /**
     * Each gated step is judged on the statuses of its own date. Catches gating on the latest status heard: Hoàng Vân
     * was met on its request and decision dates though not met today, and is recognised; Tân Lập is met today, but
     * not on its first request's date (refused), and a back-dated stretch makes it unmet on its first decision date
     * (refused) though met on the request's date and today.
     */
    @Test
    void aRecognitionStepIsGatedByTheStatusesOnItsDate() {
        clock.set(LocalDate.of(2024, 12, 31));
        String tanLap = register(Map.of("level", "VILLAGE", "name", "Tân Lập", "parentId", songVan,
                "validFrom", "2024-03-05"));
        publishCatalogue();
        setStretch(hoangVan, SET, "2024-11-15", null, "NOT_MET", 2, 3, List.of("2"));
        setStretch(hoangVan, SET, "2024-09-01", "2024-11-15", "MET", 3, 3, List.of());
        setStretch(tanLap, SET, "2024-09-01", "2024-11-10", "NOT_MET", 2, 3, List.of("3"));
        setStretch(tanLap, SET, "2024-11-10", null, "MET", 3, 3, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> standing(tanLap, SET, null).json().path("status")
                .asString().equals("MET") && standing(hoangVan, SET, "2024-10-01").status() == 200);
        assertThat(standing(hoangVan, SET, null).json().path("status").asString()).isEqualTo("NOT_MET");

        JsonHttp.Response hoangVanRequest = requestRecognition(hoangVan, "2024-10-01");
        assertThat(hoangVanRequest.status()).as(hoangVanRequest.toString()).isEqualTo(201);
        String hoangVanId = hoangVanRequest.json().path("recognitionId").asString();
        assertThat(hoangVanRequest.json().path("history").get(0).path("standingOn").asString())
                .isEqualTo("2024-09-01");
        walkToDecision(hoangVanId, hoangVan, "2024-10");
        assertThat(decide(hoangVanId, "2024-11-01").status()).isEqualTo(200);

        JsonHttp.Response early = requestRecognition(tanLap, "2024-10-01");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.problemType()).isEqualTo("criteria-not-met");
        assertThat(early.json().path("detail").asString()).contains("3 Quốc phòng và An ninh");
        JsonHttp.Response tanLapRequest = requestRecognition(tanLap, "2024-11-12");
        assertThat(tanLapRequest.status()).as(tanLapRequest.toString()).isEqualTo(201);
        String tanLapId = tanLapRequest.json().path("recognitionId").asString();
        walkToDecision(tanLapId, tanLap, "2024-11");
        setStretch(tanLap, SET, "2024-12-01", "2024-12-10", "NOT_MET", 2, 3, List.of("1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> standing(tanLap, SET, "2024-12-05").json().path("status")
                .asString().equals("NOT_MET"));
        JsonHttp.Response lapsed = decide(tanLapId, "2024-12-05");
        assertThat(lapsed.status()).as(lapsed.toString()).isEqualTo(409);
        assertThat(lapsed.problemType()).isEqualTo("criteria-not-met");
        assertThat(lapsed.json().path("detail").asString()).contains("1 Thu nhập");
        assertThat(decide(tanLapId, "2024-12-15").status()).isEqualTo(200);
    }

    /**
     * A revocation warning is judged on the dates the stretches received change, for the dates the recognition is in
     * force, and names the date it holds from. Catches a watch that dates the warning by the message (a stretch from
     * before the decision would warn of a date the recognition was not in force: nothing; it must name the decision's
     * date), one that judges only the start of a stretch (the criterion's stretch from 5/12 reaches the set's counts
     * of 10/12, known since before the decision), one that gives one warning per failing set rather than per trigger
     * and date (the warnings of 20/11 and 1/11 name the same failing criteria), and one that warns twice for a trigger
     * and date when the same news comes again.
     */
    @Test
    void aRevocationWarningFromABackDatedStretchNamesTheDateItHoldsFrom() {
        clock.set(LocalDate.of(2024, 12, 31));
        publishCatalogue();
        setStretch(hoangVan, SET, "2024-09-01", null, "MET", 3, 3, List.of());
        setStretch(hoangVan, SET, "2024-12-10", "2024-12-20", "NOT_MET", 1, 3, List.of("2", "3"));
        await().atMost(Duration.ofSeconds(30)).until(() -> standing(hoangVan, SET, "2024-12-15").json()
                .path("status").asString().equals("NOT_MET"));
        JsonHttp.Response requested = requestRecognition(hoangVan, "2024-10-01");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("recognitionId").asString();
        walkToDecision(id, hoangVan, "2024-10");
        assertThat(decide(id, "2024-11-01").status()).isEqualTo(200);

        setStretch(hoangVan, SET, "2025-03-01", null, "NOT_MET", 2, 3, List.of("1"));
        setStretch(hoangVan, SET, "2024-11-20", "2024-11-25", "NOT_MET", 1, 3, List.of("2", "3"));
        setStretch(hoangVan, SET, "2024-10-20", "2024-11-10", "NOT_MET", 1, 3, List.of("2", "3"));
        criterionStretch(hoangVan, SET, "2", "NOT_MET", "2024-12-05", "2024-12-20");
        setStretch(hoangVan, SET, "2024-12-05", "2024-12-10", "NOT_MET", 2, 3, List.of("2"));
        String half = "HALF_OR_MORE [\"2 Nhà văn hóa\",\"3 Quốc phòng và An ninh\"] key [\"3 Quốc phòng và An ninh\"]";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(warnings(id)).containsExactlyInAnyOrder(
                "2025-03-01 KEY_CRITERION_30_PERCENT [\"1 Thu nhập\"] key [\"1 Thu nhập\"]",
                "2024-11-20 " + half, "2024-11-01 " + half, "2024-12-10 " + half));
        assertThat(published("RevocationWarning", hoangVan, 4).stream().map(w -> w.path("validOn").asString()))
                .containsExactlyInAnyOrder("2025-03-01", "2024-11-20", "2024-11-01", "2024-12-10");

        setStretch(hoangVan, SET, "2024-11-20", "2024-11-25", "NOT_MET", 1, 3, List.of("2", "3"));
        setStretch(hoangVan, SET, "2025-02-01", "2025-03-01", "NOT_MET", 1, 3, List.of("1", "2"));
        // the second stretch's warning comes after the first stretch was judged (one unit's events are in order)
        await().atMost(Duration.ofSeconds(30)).until(() -> warnings(id).size() >= 5);
        assertThat(warnings(id)).as("the same news again warns of nothing new").hasSize(5)
                .contains("2025-02-01 HALF_OR_MORE [\"1 Thu nhập\",\"2 Nhà văn hóa\"] key [\"1 Thu nhập\"]");
    }

    /** The recognition's warnings as "date trigger failing key failing-key". */
    private List<String> warnings(String recognitionId) {
        return StreamSupport.stream(http().get("/api/recognitions/" + recognitionId).json().path("history")
                        .spliterator(), false)
                .filter(h -> h.path("kind").asString().equals("REVOCATION_WARNING"))
                .map(h -> h.path("validOn").asString() + " " + h.path("trigger").asString() + " "
                        + h.path("failingCriteria") + " key " + h.path("failingKeyCriteria")).toList();
    }

    /** "met/total met, n not met from D until D'" on {@code asOf} (null: today). */
    private String counts(String unit, String set, String asOf) {
        JsonNode standing = standing(unit, set, asOf).json();
        return standing.path("criteriaMet").asInt() + "/" + standing.path("criteriaTotal").asInt() + " met, "
                + standing.path("notMet").size() + " not met from " + standing.path("validFrom").asString()
                + " until " + standing.path("validUntil").asString(null);
    }

    private void publishCatalogue() {
        publishCriteria(null, new CriteriaSetPublished(SET, SET, 1, "Bộ tiêu chí thôn kiểm thử", null, "VILLAGE",
                "Quyết định kiểm thử", LocalDate.of(2024, 1, 1), null, List.of(
                criterion("1", "Thu nhập"), criterion("2", "Nhà văn hóa"), criterion("3", "Quốc phòng và An ninh")),
                false));
    }

    private JsonHttp.Response requestRecognition(String unit, String requestedOn) {
        return http().post("/api/units/" + unit + "/recognitions", Map.of("level", "MODEL",
                "criteriaSetCode", SET, "requestedOn", requestedOn, "noOverdueConstructionDebt", true));
    }

    /** Public comment, survey, check and appraisal on days 20 to 23 of {@code month} (yyyy-MM). */
    private void walkToDecision(String id, String village, String month) {
        step(id, "PUBLIC_COMMENT", month + "-20", "UBND xã Song Vân");
        JsonHttp.Response survey = http().post("/api/recognitions/" + id + "/survey", Map.of("on", month + "-21",
                "by", "Ban công tác Mặt trận thôn", "passed", true, "villages", List.of(Map.of("unitId", village,
                        "householdsSurveyed", 100, "householdsSatisfied", 95))));
        assertThat(survey.status()).as(survey.toString()).isEqualTo(200);
        step(id, "HIGHER_LEVEL_CHECK", month + "-22", "UBND huyện Tân Yên");
        step(id, "APPRAISAL", month + "-23", "Hội đồng thẩm định");
    }

    private JsonHttp.Response decide(String id, String decidedOn) {
        return http().post("/api/recognitions/" + id + "/decision", Map.of("decisionNumber", "1/QĐ-UBND",
                "decidedOn", decidedOn, "authority", "Chủ tịch UBND tỉnh"));
    }

    private JsonHttp.Response requestRecognition() {
        return requestRecognition(Map.of());
    }

    private JsonHttp.Response requestRecognition(Map<String, Object> ids) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("level", "MODEL",
                "criteriaSetCode", SET, "requestedOn", "2024-10-01", "noOverdueConstructionDebt", true,
                "evidence", List.of("Báo cáo tự đánh giá của thôn Hoàng Vân")));
        body.putAll(ids);
        return http().post("/api/units/" + hoangVan + "/recognitions", body);
    }

    private void step(String id, String step, String on, String by) {
        JsonHttp.Response response = http().post("/api/recognitions/" + id + "/steps",
                Map.of("step", step, "on", on, "by", by, "passed", true));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void aPoisonOnNtmCriteriaIsDeadLetteredAloneAndTheStatusesAroundItAreLearnedOnce() {
        String unit = UUID.randomUUID().toString();
        long lettersBefore = criteriaLetters(unit).size();
        publishCriteria(unit, new CriterionStatusChanged(SET, "P1", "MET", null, 1, MEASURED));
        KafkaTopics.send(service.brokers(), "ntm.criteria", unit,
                "{\"eventId\": \"" + UUID.randomUUID() + "\", \"eventTy");
        publishCriteria(unit, new CriterionStatusChanged(SET, "P2", "NOT_MET", null, 1, MEASURED));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(service.jdbc().queryForList(
                "select criterion_code || ' ' || status from criterion_standing where unit_id = ?", String.class,
                UUID.fromString(unit))).as("both statuses, the second after the poison")
                .containsExactlyInAnyOrder("P1 MET", "P2 NOT_MET"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(criteriaLetters(unit))
                .hasSize((int) lettersBefore + 1));
        JsonNode letter = criteriaLetters(unit).get((int) lettersBefore);
        assertThat(letter.path("originalTopic").asString()).isEqualTo("ntm.criteria");
        assertThat(letter.path("exception").asString()).isEqualTo("vn.ntm.support.messaging.UndecodableEvent");
    }

    /** The dead letters of village's ntm.criteria consumer about the unit, oldest first. */
    private List<JsonNode> criteriaLetters(String unit) {
        return StreamSupport.stream(http().get("/api/dead-letters").json().spliterator(), false)
                .filter(l -> l.path("topic").asString().equals("ntm.criteria.dlq.village"))
                .filter(l -> unit.equals(l.path("key").asString())).toList();
    }

    private Map<String, Object> survey(int surveyed, int satisfied) {
        return Map.of("on", "2024-10-10", "by", "Ban công tác Mặt trận thôn Hoàng Vân", "passed", true,
                "villages", List.of(Map.of("unitId", hoangVan, "householdsSurveyed", surveyed,
                        "householdsSatisfied", satisfied)));
    }

    private Map<String, Object> plan(List<Map<String, Object>> tasks) {
        return Map.of("number", "30/KH-UBND", "title", "Kế hoạch thực hiện Chương trình MTQG xây dựng NTM năm 2024",
                "adoptedOn", "2024-03-05", "signer", "Chủ tịch UBND xã", "year", 2024, "tasks", tasks,
                "rewards", List.of(Map.of("id", "model-village", "level", "MODEL", "unitLevel", "VILLAGE",
                        "amount", 10000000, "budgetSource", "Kinh phí sự nghiệp nông nghiệp huyện năm 2024")));
    }

    private static CriteriaSetPublished.Criterion criterion(String code, String name) {
        return new CriteriaSetPublished.Criterion(code, name, null, List.of());
    }

    private void criterion(String code, String status, String validOn) {
        criterionStretch(hoangVan, SET, code, status, validOn, null);
    }

    /** criteria-service's word that from {@code from} until {@code until} (null: open-ended) the criterion is so. */
    private void criterionStretch(String unit, String set, String code, String status, String from, String until) {
        publishCriteria(unit, new CriterionStatusChanged(set, code, status, date(until), 1, MEASURED), from);
    }

    /** criteria-service's word that from {@code from} until {@code until} (null: open-ended) the set stands so. */
    private void setStretch(String unit, String set, String from, String until, String status, int met, int total,
                            List<String> notMet) {
        publishCriteria(unit, new CriteriaSetStatusChanged(set, status, date(until), met, total, notMet, 1, MEASURED),
                from);
    }

    private static LocalDate date(String date) {
        return date == null ? null : LocalDate.parse(date);
    }

    private JsonHttp.Response standing(String unit, String set, String asOf) {
        return http().get("/api/units/" + unit + "/criteria-standing?criteriaSet=" + set
                + (asOf == null ? "" : "&asOf=" + asOf));
    }

    private void publishCriteria(String unit, IntegrationPayload payload) {
        publishCriteria(unit, payload, "2024-09-30");
    }

    private void publishCriteria(String unit, IntegrationPayload payload, String validOn) {
        Envelope<?> envelope = Envelope.of(UUID.randomUUID(), LocalDate.parse(validOn), Instant.now(), CRITERIA, unit,
                List.of(), payload);
        KafkaTopics.send(service.brokers(), "ntm.criteria", envelope.key(),
                new String(service.codec().encode(envelope), StandardCharsets.UTF_8));
    }

    private List<JsonNode> published(String type, String unit, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.read(service.brokers(), "ntm.units",
                        (int) storedEvents(), Duration.ofSeconds(10)).stream().map(r -> JsonHttp.parse(r.value()))
                .filter(n -> n.path("eventType").asString().equals(type) && n.path("unitId").asString().equals(unit))
                .count() >= atLeast);
        return KafkaTopics.read(service.brokers(), "ntm.units", (int) storedEvents(), Duration.ofSeconds(10)).stream()
                .map(r -> JsonHttp.parse(r.value()))
                .filter(n -> n.path("eventType").asString().equals(type) && n.path("unitId").asString().equals(unit))
                .toList();
    }

    private String status(String planId, String taskId) {
        return StreamSupport.stream(http().get("/api/plans/" + planId).json().path("taskStatus").spliterator(), false)
                .filter(t -> t.path("taskId").asString().equals(taskId)).findFirst().orElseThrow()
                .path("status").asString();
    }
}
