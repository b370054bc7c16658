package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.StatusCause;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceUnderTest;

/**
 * Real recognition requests for the access matrix: a test set of one criterion, criteria-service's word on
 * {@code ntm.criteria} that a commune meets it, and a request walked as far as a case needs (requested, publicly
 * commented, through appraisal, decided).
 */
final class RecognitionsUnderWay {

    static final String SET = "TEST-ACCESS-XA-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final Actor CRITERIA = Actor.system("criteria-service");
    private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

    /** How far a request is walked. */
    enum Stage { NONE, REQUESTED, COMMENTED, APPRAISED, DECIDED }

    private final ServiceUnderTest service;
    private boolean published;

    RecognitionsUnderWay(ServiceUnderTest service) {
        this.service = service;
    }

    /**
     * The commune meets the set from {@code on}; unless {@code stage} is NONE, a request made on {@code on} and walked
     * to {@code stage}, its steps a day apart. Returns the request's id, or {@code null} for NONE.
     */
    String at(String unit, LocalDate on, String village, Stage stage) {
        meets(unit, on);
        if (stage == Stage.NONE) {
            return null;
        }
        JsonHttp.Response requested = http().post("/api/units/" + unit + "/recognitions", Map.of("level", "STANDARD",
                "criteriaSetCode", SET, "requestedOn", on.toString(), "noOverdueConstructionDebt", true));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("recognitionId").asString();
        if (stage.compareTo(Stage.COMMENTED) >= 0) {
            step(id, "PUBLIC_COMMENT", on.plusDays(1));
        }
        if (stage.compareTo(Stage.APPRAISED) >= 0) {
            ok(http().post("/api/recognitions/" + id + "/survey", Map.of("on", on.plusDays(2).toString(),
                    "by", "MTTQ", "passed", true, "villages", List.of(Map.of("unitId", village,
                            "householdsSurveyed", 100, "householdsSatisfied", 95)))));
            step(id, "HIGHER_LEVEL_CHECK", on.plusDays(3));
            step(id, "APPRAISAL", on.plusDays(4));
        }
        if (stage == Stage.DECIDED) {
            ok(http().post("/api/recognitions/" + id + "/decision", Map.of("decisionNumber", "1/QĐ-UBND",
                    "decidedOn", on.plusDays(5).toString(), "authority", "Chủ tịch UBND tỉnh")));
        }
        return id;
    }

    private void meets(String unit, LocalDate from) {
        if (!published) {
            send(null, SINCE, new CriteriaSetPublished(SET, SET, 1, "Bộ tiêu chí xã kiểm thử", null, "COMMUNE",
                    "Quyết định kiểm thử", SINCE, null,
                    List.of(new CriteriaSetPublished.Criterion("1", "Thu nhập", null, List.of())), false));
            published = true;
        }
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, UUID.randomUUID().toString(), "1.1",
                from);
        send(unit, from, new CriterionStatusChanged(SET, "1", "MET", null, 1, cause));
        send(unit, from, new CriteriaSetStatusChanged(SET, "MET", null, 1, 1, List.of(), 1, cause));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + unit
                + "/criteria-standing?criteriaSet=" + SET + "&asOf=" + from).json().path("status").asString()
                .equals("MET"));
    }

    private void step(String id, String step, LocalDate on) {
        ok(http().post("/api/recognitions/" + id + "/steps", Map.of("step", step, "on", on.toString(),
                "by", "UBND", "passed", true)));
    }

    private static void ok(JsonHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private void send(String unit, LocalDate validOn, IntegrationPayload payload) {
        Envelope<?> envelope = Envelope.of(UUID.randomUUID(), validOn, Instant.now(), CRITERIA, unit, List.of(),
                payload);
        KafkaTopics.send(service.brokers(), "ntm.criteria", envelope.key(),
                new String(service.codec().encode(envelope), StandardCharsets.UTF_8));
    }

    private JsonHttp http() {
        return service.http();
    }
}
