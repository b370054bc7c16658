package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * What the standing and the refusals tell a newcomer, each as a user first met it: evidence that read
 * "[office] null", a rate whose value was null, a margin whose sign depended on the comparator, a date parameter
 * refused without saying its form, and a too-long field refused without saying its limit.
 */
@ServiceIntegrationTest
class StandingAnswersIT {

    private static final Actor ADMIN = new Actor("admin@bacgiang", "provincial-admin", null);
    private static final String NTMNC = "VN-XA-NTMNC-2021-2025";

    String commune;

    private final ServiceUnderTest service;

    StandingAnswersIT(ServiceUnderTest service) {
        this.service = service;
    }

    JsonHttp http() {
        return service.http();
    }

    @BeforeEach
    void aCommuneArrivesFromVillageService() {
        String province = UUID.randomUUID().toString();
        commune = UUID.randomUUID().toString();
        UnitRef provinceRef = new UnitRef(province, "PROVINCE", "Bắc Giang");
        send(province, List.of(provinceRef), new UnitRegistered("PROVINCE", "Bắc Giang", null,
                LocalDate.of(1997, 1, 1), "TDMNPB", null, null, null));
        send(commune, List.of(provinceRef, new UnitRef(commune, "COMMUNE", "Song Vân")),
                new UnitRegistered("COMMUNE", "Song Vân", province, LocalDate.of(1997, 1, 1), null, null, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + commune).status() == 200);
        if (http().get("/api/criteria-sets/" + NTMNC).status() == 404) {
            JsonHttp.Response loaded = http().post("/api/criteria-sets/shipped/" + NTMNC, "");
            assertThat(loaded.status()).as(loaded.toString()).isIn(201, 409);
        }
    }

    /** It read "[Phòng Kinh tế] null": the missing note was spliced into the text. */
    @Test
    void evidenceNamingAnOfficeButNoNoteReadsAsTheOfficeAlone() throws IOException {
        JsonHttp.Response recorded = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", NTMNC, "indicatorCode", "4.1", "passed", true, "validOn", "2024-03-05",
                "evidence", Map.of("office", "Phòng Kinh tế")));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(recorded.json().path("indicator").path("evidenceNote").asString()).isEqualTo("[Phòng Kinh tế]");

        JsonNode standing = indicator(standing(null), "4.1");
        assertThat(standing.path("evidenceNote").asString()).isEqualTo("[Phòng Kinh tế]");
        assertThat(standing.toString()).doesNotContain("] null");

        // the rows logged before the fix are repaired by migration V5_1
        service.jdbc().update("update assessment_log set evidence_note = '[Phòng Kinh tế] null' where unit_id = ?::uuid"
                + " and evidence_note = '[Phòng Kinh tế]'", commune);
        service.jdbc().execute(new ClassPathResource("db/migration/V5_1__evidence_note_without_null.sql")
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(indicator(standing(null), "4.1").path("evidenceNote").asString()).isEqualTo("[Phòng Kinh tế]");
    }

    /** Its value was null: only the counts were shown, not the percentage the rule compared with its threshold. */
    @Test
    void aRateRecordedAsCountsShowsTheCountsAndThePercentageTheRuleCompared() {
        JsonHttp.Response recorded = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", NTMNC, "indicatorCode", "4.2", "numerator", 1900, "denominator", 2150,
                "validOn", "2024-03-05"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);

        JsonNode rate = indicator(standing(null), "4.2");
        assertThat(rate.path("numerator").asLong()).isEqualTo(1900);
        assertThat(rate.path("denominator").asLong()).isEqualTo(2150);
        assertThat(rate.path("value").decimalValue()).as("1900 of 2150 = 88.372…%, cut to 2 decimals")
                .isEqualByComparingTo("88.37");
        assertThat(rate.path("threshold").decimalValue()).isEqualByComparingTo("98");
        assertThat(rate.path("status").asString()).isEqualTo("NOT_MET");
        assertThat(rate.path("margin").decimalValue()).as("short by 9.627…, rounded toward minus infinity")
                .isEqualByComparingTo("-9.63");
    }

    /** The margin was value minus threshold: a failing "≤" rule showed a positive margin. */
    @Test
    void theMarginIsNegativeForAFailingAtMostRuleAndPositiveForAMetOne() {
        String code = "TEST-LE-" + commune.substring(0, 8).toUpperCase();
        JsonHttp.Response published = http().post("/api/criteria-sets", Map.of("code", code, "version", 1,
                "titleVi", "Bộ tiêu chí kiểm thử", "level", "COMMUNE", "scope", "NATIONAL", "legalBasis", "kiểm thử",
                "effectiveFrom", "2022-03-08", "criteria", List.of(Map.of("code", "11", "nameVi", "Nghèo đa chiều",
                        "indicators", List.of(Map.of("code", "11", "nameVi", "Tỷ lệ hộ nghèo đa chiều", "kind", "RATE",
                                "comparator", "LE", "thresholds", List.of(Map.of("value", 5, "verified", false,
                                        "source", "kiểm thử"))))))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);

        JsonNode failing = record(code, "11", 7, "2024-03-05");
        assertThat(failing.path("status").asString()).isEqualTo("NOT_MET");
        assertThat(failing.path("margin").decimalValue()).as("7 % against ≤ 5 %: 2 short").isEqualByComparingTo("-2");
        JsonNode met = record(code, "11", 3.5, "2024-06-30");
        assertThat(met.path("status").asString()).isEqualTo("MET");
        assertThat(met.path("margin").decimalValue()).isEqualByComparingTo("1.5");
    }

    /** "giá trị không hợp lệ" said nothing of the form a date takes. */
    @Test
    void aDateParameterThatIsNotADateIsRefusedSayingTheFormItTakes() {
        JsonHttp.Response refused = http().get("/api/units/" + commune + "/standing?criteriaSet=" + NTMNC
                + "&asOf=2024-02-30");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("invalid-parameter");
        assertThat(refused.json().path("field").asString()).isEqualTo("asOf");
        assertThat(refused.json().path("detail").asString()).contains("2024-02-30", "asOf", "YYYY-MM-DD", "2024-12-31");
    }

    /** "độ dài không phù hợp" did not say how long a field may be. */
    @Test
    void aTooLongFieldIsRefusedNamingItsLimitAndItsLength() {
        JsonHttp.Response refused = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", NTMNC, "indicatorCode", "4.2", "value", 99, "validOn", "2024-03-05",
                "evidence", Map.of("document", "Biên bản ".repeat(25))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("field").asString()).isEqualTo("evidence.document");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .isEqualTo("quá dài: tối đa 200 ký tự (đã nhập 225)");
        JsonHttp.Response english = http().with("Accept-Language", "en").post("/api/units/" + commune
                + "/measurements", Map.of("criteriaSet", NTMNC, "indicatorCode", "4.2", "value", 99,
                "validOn", "2024-03-05", "evidence", Map.of("document", "x".repeat(201))));
        assertThat(english.json().path("detail").asString()).contains("at most 200 characters (got 201)");
    }

    private JsonNode record(String set, String code, Number percent, String validOn) {
        JsonHttp.Response response = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", set, "indicatorCode", code, "value", percent, "validOn", validOn));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("indicator");
    }

    private JsonNode standing(String asOf) {
        JsonHttp.Response response = http().get("/api/units/" + commune + "/standing?criteriaSet=" + NTMNC
                + (asOf == null ? "" : "&asOf=" + asOf));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode indicator(JsonNode standing, String code) {
        return StreamSupport.stream(standing.path("criteria").spliterator(), false)
                .flatMap(c -> StreamSupport.stream(c.path("indicators").spliterator(), false))
                .filter(i -> i.path("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private void send(String unitId, List<UnitRef> path, UnitRegistered payload) {
        new VillageServiceEvents(service.brokers(), service.codec()).send(Envelope.of(UUID.randomUUID(),
                payload.validFrom(),
                Instant.now(), ADMIN, unitId, path, payload));
    }
}
