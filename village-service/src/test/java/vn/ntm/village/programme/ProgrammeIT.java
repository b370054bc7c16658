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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.village.programme.process.DeadlineWatch;

/**
 * Plans, deadlines and recognition on real PostgreSQL and Kafka: the deadline watch driven by a clock the test sets;
 * criteria statuses arriving on ntm.criteria gate the request and the decision and raise revocation warnings.
 */
@ServiceIntegrationTest
@Import(ProgrammeIT.TestClock.class)
@TestPropertySource(properties = {"ntm.test.suite=programme", "ntm.deadlines.initial-delay-ms=3600000"})
@DirtiesContext
class ProgrammeIT {

    private static final String SET = "TEST-THON-KM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final Actor CRITERIA = Actor.system("criteria-service");

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

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @LocalServerPort
    int port;
    @Value("${spring.embedded.kafka.brokers}")
    String brokers;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventCodec codec;
    @Autowired
    MovableClock clock;
    @Autowired
    DeadlineWatch deadlines;

    String songVan;
    String hoangVan;

    JsonHttp http() {
        return new JsonHttp("http://localhost:" + port).asOperator();
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

        List<JsonNode> missed = published("PlanDeadlineMissed", songVan, 1);
        assertThat(missed).hasSize(1);
        assertThat(missed.get(0).path("validOn").asString()).isEqualTo("2024-04-06");
        assertThat(missed.get(0).path("payload").path("dueDate").asString()).isEqualTo("2024-04-05");
        assertThat(missed.get(0).path("actor").path("role").asString()).isEqualTo("system");
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
        publishCriteria(hoangVan, new CriteriaSetStatusChanged(SET, "UNKNOWN", "NOT_MET", 2, 3, List.of("3"), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + hoangVan
                + "/criteria-standing?criteriaSet=" + SET).status() == 200);
        JsonHttp.Response unmet = requestRecognition();
        assertThat(unmet.status()).isEqualTo(409);
        assertThat(unmet.problemType()).isEqualTo("criteria-not-met");
        assertThat(unmet.json().path("detail").asString()).contains("Quốc phòng và An ninh");

        criterion("3", "MET", "2024-09-30");
        publishCriteria(hoangVan, new CriteriaSetStatusChanged(SET, "NOT_MET", "MET", 3, 3, List.of(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + hoangVan
                + "/criteria-standing?criteriaSet=" + SET).json().path("status").asString().equals("MET"));

        JsonHttp.Response requested = requestRecognition();
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("recognitionId").asString();
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
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/recognitions/" + id).json()
                .path("history").toString().contains("REVOCATION_WARNING"));
        JsonNode warning = published("RevocationWarning", hoangVan, 1).get(0);
        assertThat(warning.path("payload").path("trigger").asString()).isEqualTo("KEY_CRITERION_30_PERCENT");
        assertThat(warning.path("payload").path("failingKeyCriteria").get(0).asString()).isEqualTo("1 Thu nhập");

        clock.set(LocalDate.of(2025, 6, 1));
        JsonHttp.Response revoked = http().post("/api/recognitions/" + id + "/revocation", Map.of(
                "decisionNumber", "45/QĐ-UBND", "decidedOn", "2025-05-01", "authority", "Chủ tịch UBND tỉnh",
                "reason", "Tiêu chí thu nhập không còn đạt"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
    }

    private JsonHttp.Response requestRecognition() {
        return http().post("/api/units/" + hoangVan + "/recognitions", Map.of("level", "MODEL",
                "criteriaSetCode", SET, "requestedOn", "2024-10-01", "noOverdueConstructionDebt", true,
                "evidence", List.of("Báo cáo tự đánh giá của thôn Hoàng Vân")));
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
        publishCriteria(unit, new CriterionStatusChanged(SET, "P1", null, "MET", null, null));
        KafkaTopics.send(brokers, "ntm.criteria", unit, "{\"eventId\": \"" + UUID.randomUUID() + "\", \"eventTy");
        publishCriteria(unit, new CriterionStatusChanged(SET, "P2", null, "NOT_MET", null, null));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
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
        publishCriteria(hoangVan, new CriterionStatusChanged(SET, code, null, status, null, null), validOn);
    }

    private void publishCriteria(String unit, IntegrationPayload payload) {
        publishCriteria(unit, payload, "2024-09-30");
    }

    private void publishCriteria(String unit, IntegrationPayload payload, String validOn) {
        Envelope<?> envelope = Envelope.of(UUID.randomUUID(), LocalDate.parse(validOn), Instant.now(), CRITERIA, unit,
                List.of(), payload);
        KafkaTopics.send(brokers, "ntm.criteria", envelope.key(),
                new String(codec.encode(envelope), StandardCharsets.UTF_8));
    }

    private List<JsonNode> published(String type, String unit, int atLeast) {
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaTopics.read(brokers, "ntm.units",
                        (int) storedEvents(), Duration.ofSeconds(10)).stream().map(r -> JsonHttp.parse(r.value()))
                .filter(n -> n.path("eventType").asString().equals(type) && n.path("unitId").asString().equals(unit))
                .count() >= atLeast);
        return KafkaTopics.read(brokers, "ntm.units", (int) storedEvents(), Duration.ofSeconds(10)).stream()
                .map(r -> JsonHttp.parse(r.value()))
                .filter(n -> n.path("eventType").asString().equals(type) && n.path("unitId").asString().equals(unit))
                .toList();
    }

    private String status(String planId, String taskId) {
        return StreamSupport.stream(http().get("/api/plans/" + planId).json().path("taskStatus").spliterator(), false)
                .filter(t -> t.path("taskId").asString().equals(taskId)).findFirst().orElseThrow()
                .path("status").asString();
    }

    private String register(Map<String, String> body) {
        JsonHttp.Response response = http().post("/api/units", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
