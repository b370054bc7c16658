package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitAttributesChanged;
import vn.ntm.contracts.UnitEnded;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/** criteria-service on real PostgreSQL and a real (embedded KRaft) Kafka broker. */
@ServiceIntegrationTest
class CriteriaServiceIT {

    private static final Actor ADMIN = new Actor("admin@bacgiang", "provincial-admin", null);

    String province;
    String commune;

    private final ServiceUnderTest service;

    CriteriaServiceIT(ServiceUnderTest service) {
        this.service = service;
    }

    JsonHttp http() {
        return service.http();
    }

    @BeforeEach
    void unitsArriveFromVillageService() {
        province = UUID.randomUUID().toString();
        commune = UUID.randomUUID().toString();
        List<UnitRef> provincePath = List.of(new UnitRef(province, "PROVINCE", "Bắc Giang"));
        send(unitRegistered(province, provincePath, new UnitRegistered("PROVINCE", "Bắc Giang", null,
                LocalDate.of(1997, 1, 1), "TDMNPB", null, null, null)));
        send(unitRegistered(commune, List.of(provincePath.get(0), new UnitRef(commune, "COMMUNE", "Song Vân")),
                new UnitRegistered("COMMUNE", "Song Vân", province, LocalDate.of(1997, 1, 1), null, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + commune).status() == 200);
        if (http().get("/api/criteria-sets/VN-XA-NTMNC-2021-2025").status() == 404) {
            JsonHttp.Response loaded = http().post("/api/criteria-sets/shipped/VN-XA-NTMNC-2021-2025", "");
            assertThat(loaded.status()).as(loaded.toString()).isEqualTo(201);
        }
    }

    @Test
    void aMeasurementIsStoredPublishedWithItsStatusChangeAndShownInTheStanding() {
        JsonHttp.Response response = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", "VN-XA-NTMNC-2021-2025", "indicatorCode", "4.2", "numerator", 2150, "denominator", 2150,
                "validOn", "2024-03-05", "evidence", Map.of("document", "30/KH-UBND")));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("indicator").path("status").asString()).isEqualTo("MET");
        String measurementId = response.json().path("measurementId").asString();

        JsonNode standing = http().get("/api/units/" + commune + "/standing?criteriaSet=VN-XA-NTMNC-2021-2025").json();
        JsonNode electricity = standing.path("criteria").get(3).path("indicators").get(1);
        assertThat(electricity.path("code").asString()).isEqualTo("4.2");
        assertThat(electricity.path("threshold").decimalValue()).isEqualByComparingTo("98");
        assertThat(electricity.path("thresholdVerified").asBoolean()).as("TDMNPB 98% is verified in the research").isTrue();
        assertThat(electricity.path("margin").decimalValue()).isEqualByComparingTo("2");
        assertThat(electricity.path("evidenceDocument").asString()).isEqualTo("30/KH-UBND");

        List<String> stored = service.jdbc().queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where payload_type like '%MeasurementRecorded' and aggregate_identifier like ?", String.class,
                commune + "/%");
        assertThat(stored).singleElement().asString().contains("\"numerator\":2150")
                .as("the actor from the token, in the role the endpoint let it act in")
                .contains("\"actor\":{\"subject\":\"kiem-thu\",\"role\":\"commune-officer\",\"scope\":\"*\"}");

        List<ConsumerRecord<String, String>> published = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            published.clear();
            published.addAll(KafkaTopics.read(service.brokers(), "ntm.criteria", Integer.MAX_VALUE,
                    Duration.ofSeconds(2)));
            assertThat(published).filteredOn(r -> commune.equals(r.key())).last()
                    .satisfies(r -> assertThat(r.value()).contains("\"CriteriaSetStatusChanged\""));
        });
        List<JsonNode> aboutCommune = published.stream().filter(r -> commune.equals(r.key()))
                .map(r -> JsonHttp.parse(r.value())).toList();
        assertThat(aboutCommune).extracting(e -> e.path("eventType").asString())
                .startsWith("MeasurementRecorded", "IndicatorStatusChanged", "CriterionStatusChanged")
                .as("a stretch per criterion of the set, and one for the set: 4.1 is not known, so unknown")
                .containsOnlyOnce("CriteriaSetStatusChanged").hasSize(2 + 19 + 1);
        JsonNode change = aboutCommune.get(1);
        assertThat(change.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(change.path("payload").path("status").asString()).isEqualTo("MET");
        assertThat(change.path("payload").path("governingMeasurementId").asString()).isEqualTo(measurementId);
        assertThat(change.path("payload").path("cause").path("kind").asString()).isEqualTo("MEASUREMENT_RECORDED");
        assertThat(change.path("payload").path("cause").path("measurementId").asString()).isEqualTo(measurementId);
        assertThat(change.path("validOn").asString()).isEqualTo("2024-03-05");
        assertThat(change.path("unitPath")).extracting(n -> n.path("name").asString())
                .containsExactly("Bắc Giang", "Song Vân");
        assertThat(published).anyMatch(r -> r.value().contains("\"eventType\":\"CriteriaSetPublished\""));
    }

    @Test
    void correctionsAndRetractionsAreNewEventsAndTheHistoryKeepsEverything() {
        String m1 = measure("99", "2024-03-05");
        String m2 = measure("90", "2024-09-30");
        JsonHttp.Response corrected = http().post("/api/units/" + commune + "/measurements/" + m2 + "/corrections",
                Map.of("value", 98.5, "reason", "Sửa lỗi nhập liệu theo biên bản kiểm tra"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().path("indicator").path("status").asString()).isEqualTo("MET");
        JsonHttp.Response retracted = http().post("/api/units/" + commune + "/measurements/" + m2 + "/retraction",
                Map.of("reason", "Số liệu thuộc thôn khác"));
        assertThat(retracted.status()).as(retracted.toString()).isEqualTo(200);
        assertThat(retracted.json().path("indicator").path("measurementId").asString())
                .as("the standing falls back to the measurement that remains").isEqualTo(m1);

        JsonNode history = http().get("/api/units/" + commune + "/history?criteriaSet=VN-XA-NTMNC-2021-2025&code=4.2")
                .json();
        List<String> kinds = new java.util.ArrayList<>();
        history.forEach(entry -> kinds.add(entry.path("kind").asString() + ":" + entry.path("status").asString("")));
        assertThat(kinds).containsExactly("MEASUREMENT_RECORDED:", "INDICATOR_STATUS:MET", "MEASUREMENT_RECORDED:",
                "INDICATOR_STATUS:NOT_MET", "MEASUREMENT_CORRECTED:", "INDICATOR_STATUS:MET",
                "MEASUREMENT_RETRACTED:", "INDICATOR_STATUS:MET");
        assertThat(history.get(4).path("reason").asString()).isEqualTo("Sửa lỗi nhập liệu theo biên bản kiểm tra");
        assertThat(history.get(5).path("causeKind").asString()).as("a correction is named as one")
                .isEqualTo("MEASUREMENT_CORRECTED");
        JsonNode fellBack = history.get(7);
        assertThat(fellBack.path("causeKind").asString()).isEqualTo("MEASUREMENT_RETRACTED");
        assertThat(fellBack.path("measurementId").asString()).as("the retracted one's dates fall back to m1")
                .isEqualTo(m1);
        assertThat(fellBack.path("validOn").asString()).isEqualTo("2024-09-30");

        JsonHttp.Response again = http().post("/api/units/" + commune + "/measurements/" + m2 + "/retraction",
                Map.of("reason", "lần nữa"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("measurement-retracted");
        assertThat(http().post("/api/units/" + commune + "/measurements/" + UUID.randomUUID() + "/corrections",
                Map.of("value", 1, "reason", "?")).status()).isEqualTo(404);

        JsonNode gaps = http().get("/api/units/" + commune + "/gaps?criteriaSet=VN-XA-NTMNC-2021-2025").json();
        JsonNode electricity = null;
        for (JsonNode criterion : gaps.path("criteria")) {
            if (criterion.path("code").asString().equals("4")) {
                electricity = criterion;
            }
        }
        assertThat(electricity).as("criterion 4 is not met yet: 4.1 has no assessment").isNotNull();
        assertThat(electricity.path("indicators")).extracting(i -> i.path("code").asString()).containsExactly("4.1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaTopics.read(service.brokers(), "ntm.criteria", Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                        .filter(r -> commune.equals(r.key()))
                        .map(r -> JsonHttp.parse(r.value()).path("eventType").asString()).toList())
                .contains("MeasurementCorrected", "MeasurementRetracted"));
    }

    /**
     * Observation 1 of issue 14 through the service: a measurement dated before one already recorded governs its own
     * dates in the standing of any date, and the criterion and set follow on those dates. Catches a standing that
     * answers only for today, or a back-dated measurement that changes nothing.
     */
    @Test
    void aBackDatedMeasurementGovernsItsOwnDatesInTheStandingOfEachDate() {
        measure("90", "2024-06-30");
        String backDated = measure("99", "2024-03-31");
        String set = "/api/units/" + commune + "/standing?criteriaSet=VN-XA-NTMNC-2021-2025&asOf=";

        JsonNode april = http().get(set + "2024-04-15").json();
        assertThat(april.path("asOf").asString()).isEqualTo("2024-04-15");
        JsonNode electricity = april.path("criteria").get(3).path("indicators").get(1);
        assertThat(electricity.path("status").asString()).isEqualTo("MET");
        assertThat(electricity.path("measurementId").asString()).isEqualTo(backDated);
        assertThat(april.path("criteria").get(3).path("status").asString()).as("4.1 is not known")
                .isEqualTo("UNKNOWN");
        assertThat(april.path("criteriaNotMet")).isEmpty();

        JsonNode july = http().get(set + "2024-07-01").json();
        assertThat(july.path("criteria").get(3).path("indicators").get(1).path("status").asString())
                .isEqualTo("NOT_MET");
        assertThat(july.path("criteria").get(3).path("status").asString()).isEqualTo("NOT_MET");
        assertThat(july.path("status").asString()).isEqualTo("NOT_MET");
        assertThat(july.path("criteriaNotMet")).extracting(JsonNode::asString).containsExactly("4");
        assertThat(july.path("criteriaTotal").asInt()).isEqualTo(19);

        JsonNode criterion = http().get("/api/units/" + commune
                + "/history?criteriaSet=VN-XA-NTMNC-2021-2025&code=4").json();
        assertThat(criterion).extracting(e -> e.path("status").asString() + "@" + e.path("validOn").asString()
                        + ".." + e.path("validUntil").asString(""))
                .as("from the set's start to its end (2026-02-14); the back-dated measurement changed no date of the"
                        + " criterion (4.1 is unknown), so it published nothing for it")
                .containsExactly("UNKNOWN@2022-03-08..2024-06-30", "NOT_MET@2024-06-30..2026-02-15");
    }

    private String measure(String percent, String validOn) {
        JsonHttp.Response response = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", "VN-XA-NTMNC-2021-2025", "indicatorCode", "4.2", "value", new java.math.BigDecimal(percent),
                "validOn", validOn));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("measurementId").asString();
    }

    @Test
    void anAmendedSetGovernsFromItsEffectiveDateAndReevaluatesWithoutRewritingHistory() {
        String code = "TEST-AMEND-" + commune.substring(0, 8).toUpperCase();
        assertThat(http().post("/api/criteria-sets", setVersion(code, 1, "2022-03-08", 98)).status()).isEqualTo(201);
        assertThat(measureIn(code, "98.5", "2024-03-05").path("status").asString()).isEqualTo("MET");

        JsonHttp.Response amended = http().post("/api/criteria-sets", setVersion(code, 2, "2024-06-01", 99));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(201);

        JsonNode versions = http().get("/api/criteria-sets/" + code + "/versions").json();
        assertThat(versions.get(0).path("effectiveTo").asString()).isEqualTo("2024-05-31");
        JsonNode history = http().get("/api/units/" + commune + "/history?criteriaSet=" + code + "&code=4.2").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("kind").asString()).isEqualTo("INDICATOR_STATUS");
        assertThat(last.path("status").asString()).isEqualTo("NOT_MET");
        assertThat(last.path("validOn").asString()).as("as of the new version's date").isEqualTo("2024-06-01");
        assertThat(history.get(1).path("status").asString()).as("history is not rewritten").isEqualTo("MET");

        measureIn(code, "98.6", "2024-04-01");
        String underV1 = service.jdbc().queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where payload_type like '%MeasurementRecorded' and convert_from(payload, 'UTF8') like ?",
                String.class, "%\"validOn\":\"2024-04-01\"%" + code + "%");
        assertThat(JsonHttp.parse(underV1).path("rule").path("setVersion").asInt())
                .as("a measurement dated under version 1 is recorded with version 1's rule").isEqualTo(1);
        assertThat(JsonHttp.parse(underV1).path("rule").path("threshold").decimalValue()).isEqualByComparingTo("98");
        JsonHttp.Response tooEarly = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", code, "indicatorCode", "4.2", "value", 99, "validOn", "2021-06-30"));
        assertThat(tooEarly.problemType()).isEqualTo("before-set-in-force");
        assertThat(tooEarly.json().path("detail").asString()).as("observation 5: the set's own start, not v2's")
                .contains("2022").doesNotContain("2024");
        JsonNode underV2 = measureIn(code, "99.2", "2024-07-01");
        assertThat(underV2.path("threshold").decimalValue()).isEqualByComparingTo("99");
        assertThat(underV2.path("status").asString()).isEqualTo("MET");
    }

    private JsonNode measureIn(String code, String percent, String validOn) {
        JsonHttp.Response response = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", code, "indicatorCode", "4.2", "value", new java.math.BigDecimal(percent),
                "validOn", validOn));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("indicator");
    }

    private static Map<String, Object> setVersion(String code, int version, String from, int threshold) {
        return Map.of("code", code, "version", version, "titleVi", "Bộ tiêu chí kiểm thử", "level", "COMMUNE",
                "scope", "NATIONAL", "legalBasis", "kiểm thử", "effectiveFrom", from,
                "criteria", List.of(Map.of("code", "4", "nameVi", "Điện", "indicators", List.of(Map.of(
                        "code", "4.2", "nameVi", "Tỷ lệ hộ dùng điện an toàn", "kind", "RATE", "comparator", "GE",
                        "thresholds", List.of(Map.of("value", threshold, "verified", false, "source", "kiểm thử")))))));
    }

    @Test
    void everyShippedSetLoadsAndASkeletonCannotBeAssessed() {
        for (JsonNode code : http().get("/api/criteria-sets/shipped").json()) {
            int status = http().post("/api/criteria-sets/shipped/" + code.asString(), "").status();
            assertThat(status).as(code.asString()).isIn(201, 409);
        }
        JsonNode model = http().get("/api/criteria-sets/VN-XA-NTMKM-2021-2025").json();
        assertThat(model.path("criteria")).hasSize(4);
        assertThat(http().get("/api/criteria-sets/VN-XA-NTM-2026-2030").json().path("criteria")).hasSize(10);
        assertThat(http().get("/api/criteria-sets/BG-THON-NTMKM-2018").json().path("skeleton").asBoolean()).isTrue();
        assertThat(http().get("/api/criteria-sets/applicable?level=COMMUNE&on=2024-03-05").json())
                .extracting(set -> set.path("code").asString())
                .contains("VN-XA-NTM-2021-2025").doesNotContain("VN-XA-NTM-2026-2030");
        assertThat(http().get("/api/criteria-sets/applicable?level=COMMUNE&on=2026-03-01").json())
                .extracting(set -> set.path("code").asString()).as("the 2026–2030 set from 15/2/2026")
                .contains("VN-XA-NTM-2026-2030").doesNotContain("VN-XA-NTM-2021-2025");
        JsonNode gaps = http().get("/api/units/" + commune + "/gaps?criteriaSet=VN-XA-NTM-2026-2030").json();
        assertThat(gaps.path("criteria")).hasSize(10);
        assertThat(http().get("/api/units/" + commune + "/gaps?level=COMMUNE").status()).isEqualTo(200);

        JsonHttp.Response refused = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", "BG-THON-NTMKM-2018", "indicatorCode", "V1", "passed", true, "validOn", "2024-03-05"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemType()).isEqualTo("criteria-set-is-skeleton");

        JsonHttp.Response income = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", "VN-XA-NTMKM-2021-2025", "indicatorCode", "KM2", "value", 54, "validOn", "2024-03-05"));
        assertThat(income.status()).as(income.toString()).isEqualTo(201);
        assertThat(income.json().path("indicator").path("status").asString())
                .as("110% of an advanced threshold nobody has entered yet is not known").isEqualTo("UNKNOWN");
    }

    @Test
    void anEspeciallyDisadvantagedCommuneIsJudgedByTheMidlandsThresholds() {
        String deltaProvince = UUID.randomUUID().toString();
        String poorCommune = UUID.randomUUID().toString();
        UnitRef deltaRef = new UnitRef(deltaProvince, "PROVINCE", "Tỉnh kiểm thử đồng bằng");
        send(unitRegistered(deltaProvince, List.of(deltaRef), new UnitRegistered("PROVINCE", deltaRef.name(), null,
                LocalDate.of(1997, 1, 1), "DBSH", null, null, null)));
        send(unitRegistered(poorCommune, List.of(deltaRef, new UnitRef(poorCommune, "COMMUNE", "Xã kiểm thử")),
                new UnitRegistered("COMMUNE", "Xã kiểm thử", deltaProvince, LocalDate.of(1997, 1, 1), null, null, 3,
                        "ESPECIALLY_DISADVANTAGED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + poorCommune).status() == 200);

        JsonHttp.Response response = http().post("/api/units/" + poorCommune + "/measurements", Map.of(
                "criteriaSet", "VN-XA-NTMNC-2021-2025", "indicatorCode", "4.2", "value", 98.5, "validOn", "2024-03-05"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("indicator").path("threshold").decimalValue())
                .as("TDMNPB 98%, not the delta's 100%").isEqualByComparingTo("98");
        assertThat(response.json().path("indicator").path("status").asString()).isEqualTo("MET");
    }

    /**
     * A change of the unit's attributes on a date, arriving after its measurements, changes the statuses of the
     * dates from then on — judged by the thresholds of the new context — and no earlier one. Catches attributes read
     * only when a measurement is recorded, or applied to dates before their change.
     */
    @Test
    void anAttributeChangeOnADateJudgesLaterDatesAgain() {
        String deltaProvince = UUID.randomUUID().toString();
        String commune = UUID.randomUUID().toString();
        UnitRef deltaRef = new UnitRef(deltaProvince, "PROVINCE", "Tỉnh kiểm thử đồng bằng 3");
        List<UnitRef> path = List.of(deltaRef, new UnitRef(commune, "COMMUNE", "Xã kiểm thử 3"));
        send(unitRegistered(deltaProvince, List.of(deltaRef), new UnitRegistered("PROVINCE", deltaRef.name(), null,
                LocalDate.of(1997, 1, 1), "DBSH", null, null, null)));
        send(unitRegistered(commune, path, new UnitRegistered("COMMUNE", "Xã kiểm thử 3", deltaProvince,
                LocalDate.of(1997, 1, 1), null, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + commune).status() == 200);
        assertThat(measureSafeElectricity(commune, "2024-03-05").json().path("indicator").path("status").asString())
                .as("98.5% against the delta's 100%").isEqualTo("NOT_MET");

        send(Envelope.of(UUID.randomUUID(), LocalDate.of(2024, 7, 1), Instant.now(), ADMIN, commune, path,
                new UnitAttributesChanged(null, null, "ESPECIALLY_DISADVANTAGED", LocalDate.of(2024, 7, 1),
                        "Quyết định kiểm thử")));
        String standing = "/api/units/" + commune + "/standing?criteriaSet=VN-XA-NTMNC-2021-2025&asOf=";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http().get(standing + "2024-08-01")
                .json().path("criteria").get(3).path("indicators").get(1).path("status").asString())
                .as("the midlands' 98% from the change").isEqualTo("MET"));
        assertThat(http().get(standing + "2024-04-01").json().path("criteria").get(3).path("indicators").get(1)
                .path("status").asString()).as("before the change, as before").isEqualTo("NOT_MET");
        JsonNode history = http().get("/api/units/" + commune + "/history?criteriaSet=VN-XA-NTMNC-2021-2025&code=4.2")
                .json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.path("status").asString()).isEqualTo("MET");
        assertThat(last.path("validOn").asString()).isEqualTo("2024-07-01");
        assertThat(last.path("causeKind").asString()).isEqualTo("RULES_CHANGED");
    }

    @Test
    void attributesApplyFromTheirDateAndAnEndedUnitTakesNoLaterFigures() {
        String deltaProvince = UUID.randomUUID().toString();
        String commune = UUID.randomUUID().toString();
        UnitRef deltaRef = new UnitRef(deltaProvince, "PROVINCE", "Tỉnh kiểm thử đồng bằng 2");
        List<UnitRef> path = List.of(deltaRef, new UnitRef(commune, "COMMUNE", "Xã kiểm thử 2"));
        send(unitRegistered(deltaProvince, List.of(deltaRef), new UnitRegistered("PROVINCE", deltaRef.name(), null,
                LocalDate.of(1997, 1, 1), "DBSH", null, null, null)));
        send(unitRegistered(commune, path, new UnitRegistered("COMMUNE", "Xã kiểm thử 2", deltaProvince,
                LocalDate.of(1997, 1, 1), null, null, null, null)));
        send(Envelope.of(UUID.randomUUID(), LocalDate.of(2024, 1, 1), Instant.now(), ADMIN, commune, path,
                new UnitAttributesChanged(null, null, "ESPECIALLY_DISADVANTAGED", LocalDate.of(2024, 1, 1),
                        "Quyết định kiểm thử")));
        send(Envelope.of(UUID.randomUUID(), LocalDate.of(2025, 7, 1), Instant.now(), ADMIN, commune, path,
                new UnitEnded("MERGED", List.of(UUID.randomUUID().toString()), LocalDate.of(2025, 7, 1),
                        "Nghị quyết kiểm thử")));
        await().atMost(Duration.ofSeconds(30)).until(() -> service.jdbc().queryForObject(
                "select count(*) from known_unit where unit_id = ?::uuid and ended_on is not null", Long.class,
                commune) == 1);

        JsonHttp.Response before = measureSafeElectricity(commune, "2023-06-01");
        assertThat(before.json().path("indicator").path("threshold").decimalValue())
                .as("the delta's 100% before the commune became especially disadvantaged").isEqualByComparingTo("100");
        JsonHttp.Response after = measureSafeElectricity(commune, "2024-06-01");
        assertThat(after.json().path("indicator").path("threshold").decimalValue())
                .as("TDMNPB 98% from 2024-01-01").isEqualByComparingTo("98");
        long stored = storedEvents();
        JsonHttp.Response ended = measureSafeElectricity(commune, "2025-07-01");
        assertThat(ended.status()).as(ended.toString()).isEqualTo(409);
        assertThat(ended.problemType()).isEqualTo("unit-ended");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    private JsonHttp.Response measureSafeElectricity(String unit, String validOn) {
        return http().post("/api/units/" + unit + "/measurements", Map.of("criteriaSet", "VN-XA-NTMNC-2021-2025",
                "indicatorCode", "4.2", "value", 98.5, "validOn", validOn));
    }

    @Test
    void concurrentMeasurementsOfOneUnitAreAllKeptInOrder() throws Exception {
        int count = 12;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String day = LocalDate.of(2024, 4, 1).plusDays(i).toString();
                statuses.add(pool.submit(() -> http().post("/api/units/" + commune + "/measurements", Map.of(
                        "criteriaSet", "VN-XA-NTMNC-2021-2025", "indicatorCode", "4.2", "value", 99,
                        "validOn", day)).status()));
            }
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        List<Long> sequence = service.jdbc().queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier like ? and payload_type like '%MeasurementRecorded' order by 1",
                Long.class, commune + "/%");
        assertThat(sequence).as("every accepted measurement is stored, none overwritten").hasSize(count)
                .doesNotHaveDuplicates();
    }

    @Test
    void aMeasurementForAnUnknownUnitIsRefusedAndRecordsNothing() {
        long before = storedEvents();
        JsonHttp.Response response = http().post("/api/units/" + UUID.randomUUID() + "/measurements", Map.of(
                "criteriaSet", "VN-XA-NTMNC-2021-2025", "indicatorCode", "4.2", "value", 99,
                "validOn", "2024-03-05"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.problemType()).isEqualTo("unknown-unit");
        assertThat(response.json().path("field").asString()).isEqualTo("unitId");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void badMeasurementsNameTheFieldAndTheRuleAndRecordNothing() {
        long before = storedEvents();
        Map<String, Map<String, Object>> cases = Map.of(
                "numerator-above-denominator", Map.of("numerator", 12, "denominator", 10),
                "percent-above-100", Map.of("value", 100.5),
                "value-does-not-fit-indicator", Map.of("passed", true),
                "negative-value", Map.of("value", -3),
                "unknown-indicator", Map.of("value", 5, "indicatorCode", "99.9"),
                "date-in-future", Map.of("value", 99, "validOn", LocalDate.now().plusDays(2).toString()),
                "before-set-in-force", Map.of("value", 99, "validOn", "2021-12-31"));
        cases.forEach((rule, fields) -> {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("criteriaSet", "VN-XA-NTMNC-2021-2025",
                    "indicatorCode", "4.2", "validOn", "2024-03-05"));
            body.putAll(fields);
            JsonHttp.Response response = http().post("/api/units/" + commune + "/measurements", body);
            assertThat(response.status()).as(rule + ": " + response).isBetween(400, 422);
            assertThat(response.problemType()).as(rule).isEqualTo(rule);
            assertThat(response.json().path("field").asString()).as(rule).isNotBlank();
        });
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theSameUnitEventDeliveredTwiceChangesNothing() {
        String village = UUID.randomUUID().toString();
        List<UnitRef> path = List.of(new UnitRef(province, "PROVINCE", "Bắc Giang"),
                new UnitRef(commune, "COMMUNE", "Song Vân"), new UnitRef(village, "VILLAGE", "Hoàng Vân"));
        Envelope<UnitRegistered> event = unitRegistered(village, path,
                new UnitRegistered("VILLAGE", "Hoàng Vân", commune, LocalDate.of(1997, 1, 1), null, null, null, null));
        send(event);
        send(event);
        await().atMost(Duration.ofSeconds(30)).until(() -> http().get("/api/units/" + village).status() == 200);
        // the second delivery sits right behind the first on the same partition (same key)
        await().atMost(Duration.ofSeconds(30)).until(() -> service.jdbc().queryForObject(
                "select count(*) from processed_event where event_id = ?", Long.class, event.eventId()) == 1);

        assertThat(service.jdbc().queryForObject("select count(*) from known_unit where unit_id = ?::uuid",
                Long.class, village))
                .isEqualTo(1);
        assertThat(http().get("/api/units/" + village).json().path("region").asString())
                .as("a village takes the region of its nearest ancestor that has one").isEqualTo("TDMNPB");
    }

    @Test
    void aUnitWhoseParentHasNotArrivedIsNotYetKnown() {
        String orphanParent = UUID.randomUUID().toString();
        String village = UUID.randomUUID().toString();
        send(unitRegistered(village, List.of(new UnitRef(orphanParent, "COMMUNE", "Xã chưa đến"),
                        new UnitRef(village, "VILLAGE", "Thôn kiểm thử")),
                new UnitRegistered("VILLAGE", "Thôn kiểm thử", orphanParent, LocalDate.of(1997, 1, 1), null, null, null, null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> service.jdbc().queryForObject(
                "select count(*) from known_unit where unit_id = ?::uuid", Long.class, village) == 1);
        JsonHttp.Response response = http().post("/api/units/" + village + "/measurements", Map.of(
                "criteriaSet", "VN-XA-NTMNC-2021-2025", "indicatorCode", "4.2", "value", 99, "validOn", "2024-03-05"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.problemType()).isEqualTo("unknown-unit");
    }

    private Envelope<UnitRegistered> unitRegistered(String unitId, List<UnitRef> path, UnitRegistered payload) {
        return Envelope.of(UUID.randomUUID(), payload.validFrom(), Instant.now(), ADMIN, unitId, path, payload);
    }

    private void send(Envelope<?> envelope) {
        new VillageServiceEvents(service.brokers(), service.codec()).send(envelope);
    }

    private long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
