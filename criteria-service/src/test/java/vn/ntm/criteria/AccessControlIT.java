package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ntm.testing.AccessMatrix.Guard.ROLE;
import static vn.ntm.testing.AccessMatrix.Guard.UNIT;
import static vn.ntm.testing.AccessMatrix.Scope.PROVINCE;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.testing.AccessMatrix;
import vn.ntm.testing.AccessMatrix.Rule;
import vn.ntm.testing.DeadLetterFixture;
import vn.ntm.testing.ForgedTokens;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.testing.TestIdentity;
import vn.ntm.testing.UnitHierarchy;
import vn.ntm.testing.identity.DemoUser;

/**
 * Who may see and change what in criteria-service: every endpoint × role × scope (generated from the service's
 * request mappings), forged tokens, measurements dated across a merger, and who may publish which criteria set.
 */
@ServiceIntegrationTest
// a context of its own: the matrix needs a national set that no other test has published
@TestPropertySource(properties = "ntm.test.suite=access")
@DirtiesContext
class AccessControlIT {

    private static final String OFFICER = "commune-officer";
    private static final String ANALYST = "analyst";
    private static final String ADMIN = "provincial-admin";
    private static final String[] READERS = {OFFICER, ANALYST, ADMIN};
    private static final Actor VILLAGE_SERVICE = new Actor("quan-tri", ADMIN, "*");
    private static final String SET = "VN-XA-NTMNC-2021-2025";

    /** Figures of the measurements to correct or retract, each unlike the others (a repeated one is refused). */
    private static final AtomicInteger FIGURES = new AtomicInteger();
    private static final String MULTIPART = "multipart/form-data; boundary=b0undary";

    /**
     * The rules, written out independently of the code's annotations: the specification the code must meet. Each
     * with a valid request for its target (see {@link #targets}): electricity measured for the commune from 1/9/2025
     * or, across the merger, for the commune merged into it in 2024; a set published for the target's province.
     */
    private static final Map<String, Rule> RULES = AccessMatrix.rules(
            DeadLetterFixture.rules("ntm.units.dlq.criteria"), DeadLetterFixture.eventHandlerRules(),
            Map.ofEntries(
            Map.entry("GET /api/units/{unitId}", Rule.of("GET /api/units/{unit}", UNIT, READERS)),
            Map.entry("POST /api/units/{unitId}/measurements",
                    Rule.of("POST /api/units/{unit}/measurements", UNIT, OFFICER).body("""
                    {"criteriaSet": "%s", "indicatorCode": "4.2", "value": {figure}, "validOn": "{date}"}"""
                            .formatted(SET))),
            Map.entry("POST /api/units/{unitId}/measurement-forms",
                    Rule.of("POST /api/units/{unit}/measurement-forms", UNIT, OFFICER).body("""
                    {"criteriaSet": "%s", "validOn": "{date}",
                     "items": [{"indicatorCode": "4.2", "value": {figure}}]}""".formatted(SET))),
            Map.entry("GET /api/units/{unitId}/measurement-template", Rule.of("GET /api/units/{unit}/measurement-template"
                    + "?criteriaSet=" + SET + "&validOn={date}", UNIT, READERS)),
            Map.entry("POST /api/units/{unitId}/measurement-imports", Rule.of("POST /api/units/{unit}/measurement-imports"
                    + "?criteriaSet=" + SET + "&validOn={date}&dryRun=true", UNIT, OFFICER).body(MULTIPART, """
                    --b0undary\r
                    Content-Disposition: form-data; name="office"\r
                    \r
                    Phòng Kinh tế\r
                    --b0undary\r
                    Content-Disposition: form-data; name="file"; filename="quy-3.csv"\r
                    Content-Type: text/csv\r
                    \r
                    {csv}\r
                    --b0undary--\r
                    """)),
            Map.entry("POST /api/units/{unitId}/measurements/{measurementId}/corrections",
                    Rule.of("POST /api/units/{unit}/measurements/{measurement}/corrections", UNIT, OFFICER).body("""
                    {"value": 99, "reason": "Sửa theo biên bản kiểm tra"}""").fresh()),
            Map.entry("POST /api/units/{unitId}/measurements/{measurementId}/retraction",
                    Rule.of("POST /api/units/{unit}/measurements/{measurement}/retraction", UNIT, OFFICER).body("""
                    {"reason": "Số liệu thuộc thôn khác"}""").fresh()),
            Map.entry("GET /api/units/{unitId}/standing",
                    Rule.of("GET /api/units/{unit}/standing?criteriaSet=" + SET, UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/gaps", Rule.of("GET /api/units/{unit}/gaps?criteriaSet=" + SET, UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/history",
                    Rule.of("GET /api/units/{unit}/history?criteriaSet=" + SET, UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/assessments",
                    Rule.of("GET /api/units/{unit}/assessments", UNIT, READERS)),
            // a set of the target's province: its administrator (or the platform's) publishes it, nobody below
            Map.entry("POST /api/criteria-sets", Rule.of("POST /api/criteria-sets", UNIT, ADMIN).body("""
                    {"code": "TEST-ACCESS-{fresh}", "version": 1, "titleVi": "Bộ tiêu chí của tỉnh thử",
                     "level": "MODEL_VILLAGE", "scope": "{provinceScope}", "legalBasis": "kiểm thử",
                     "effectiveFrom": "2022-03-08", "criteria": [{"code": "4", "nameVi": "Điện", "indicators": [
                     {"code": "4.2", "nameVi": "Tỷ lệ hộ dùng điện an toàn", "kind": "RATE", "comparator": "GE",
                      "thresholds": [{"value": 98, "verified": false, "source": "kiểm thử"}]}]}]}""")
                    .coveredBy(PROVINCE)),
            Map.entry("GET /api/criteria-sets", Rule.of("GET /api/criteria-sets", ROLE, READERS)),
            Map.entry("GET /api/criteria-sets/applicable",
                    Rule.of("GET /api/criteria-sets/applicable?level=COMMUNE", ROLE, READERS)),
            Map.entry("GET /api/criteria-sets/shipped", Rule.of("GET /api/criteria-sets/shipped", ROLE, READERS)),
            // a national set not yet published: the platform's administrators alone
            Map.entry("POST /api/criteria-sets/shipped/{code}",
                    Rule.of("POST /api/criteria-sets/shipped/{shipped}", UNIT, ADMIN).coveredBy()),
            Map.entry("GET /api/criteria-sets/{code}", Rule.of("GET /api/criteria-sets/" + SET, ROLE, READERS)),
            Map.entry("GET /api/criteria-sets/{code}/versions",
                    Rule.of("GET /api/criteria-sets/" + SET + "/versions", ROLE, READERS))));

    UnitHierarchy units;
    String province;
    String district;
    String commune;
    String village;
    String mergedCommune;
    String neighbour;
    String otherProvince;

    private final ServiceUnderTest service;

    AccessControlIT(ServiceUnderTest service) {
        this.service = service;
    }

    /** The hierarchy arrives from village-service: a merger on 1/7/2025 ends "Xã cũ" into "Xã mới". */
    @BeforeEach
    void unitsArriveFromVillageService() {
        units = UnitHierarchy.withFreshIds();
        units.announcements(VILLAGE_SERVICE, LocalDate.of(1997, 1, 1), "Nghị quyết thử").forEach(this::send);
        province = units.province();
        district = units.district();
        mergedCommune = units.mergedCommune();
        neighbour = units.neighbour();
        commune = units.commune();
        village = units.village();
        otherProvince = units.otherProvince();
        await().atMost(Duration.ofSeconds(30)).until(() -> service.jdbc().queryForObject(
                "select count(*) from known_unit where unit_id = ?::uuid and ended_on is not null", Long.class,
                mergedCommune) == 1 && operator().get("/api/units/" + village).status() == 200);
        if (operator().get("/api/criteria-sets/" + SET).status() == 404) {
            assertThat(operator().post("/api/criteria-sets/shipped/" + SET, "").status()).isEqualTo(201);
        }
    }

    /**
     * Catches an endpoint without a rule, a role or scope let through or turned away against the rule, a set published
     * for a province by someone who does not hold it (the scope named in the body), an allowed write that fails (a
     * 500, or a 4xx to a valid request), and a refused one that records an event.
     */
    @Test
    void everyEndpointHasARuleAndEveryRoleAndScopeGetsWhatTheRuleSays() {
        assertThat(RULES.keySet()).as("every endpoint of the service has a rule in this test, and no more")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.endpoints(service.context()));
        Map<String, String> common = new HashMap<>(DeadLetterFixture.kafkaLetter(service.brokers(),
                "ntm.units.dlq.criteria"));
        common.put("provinceScope", slug(service.jdbc().queryForObject(
                "select name from known_unit where unit_id = ?::uuid", String.class, province)));
        common.put("shipped", unpublishedNationalSet());
        Map<String, String> ofTarget = new HashMap<>(common);
        ofTarget.putAll(Map.of("unit", commune, "date", "2025-09-01", "csv", template(commune, "2025-09-01")));
        Map<String, String> ofMerged = new HashMap<>(common);
        ofMerged.putAll(Map.of("unit", mergedCommune, "date", "2024-06-01",
                "csv", template(mergedCommune, "2024-06-01")));

        List<AccessMatrix.Outcome> outcomes = AccessMatrix.run(anonymous(), RULES, new AccessMatrix.Fixture(
                units.scopes(), withMeasurement(ofTarget), withMeasurement(ofMerged))
                .withFresh(endpoint -> new AccessMatrix.Fixture(units.scopes(), withMeasurement(ofTarget),
                        withMeasurement(ofMerged)))
                .withRecorded(this::storedEvents));

        assertThat(outcomes.stream().filter(AccessMatrix.Outcome::wrong).map(Object::toString).toList())
                .as("requests that got another answer than the rule says").isEmpty();
    }

    /** The placeholders with a new measurement of the target's, to correct or retract. */
    private Map<String, String> withMeasurement(Map<String, String> target) {
        JsonHttp.Response recorded = operator().post("/api/units/" + target.get("unit") + "/measurements",
                Map.of("criteriaSet", SET, "indicatorCode", "4.2", "value", 20 + FIGURES.getAndIncrement() / 100.0,
                        "validOn", target.get("date")));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        Map<String, String> with = new HashMap<>(target);
        with.put("measurement", recorded.json().path("measurementId").asString());
        return with;
    }

    private String template(String unit, String validOn) {
        JsonHttp.Response response = operator().get("/api/units/" + unit + "/measurement-template?criteriaSet="
                + SET + "&validOn=" + validOn + "&format=csv");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** A shipped national set no test has published yet: only the platform may publish it. */
    private String unpublishedNationalSet() {
        List<String> published = new ArrayList<>();
        operator().get("/api/criteria-sets").json().forEach(set -> published.add(set.path("code").asString()));
        List<String> shipped = new ArrayList<>();
        operator().get("/api/criteria-sets/shipped").json().forEach(code -> shipped.add(code.asString()));
        return shipped.stream()
                .filter(code -> code.startsWith("VN-") && !published.contains(code)).findFirst()
                .orElseThrow(() -> new AssertionError("every shipped national set is published already"));
    }

    /** The scope of a province's sets: its name without diacritics, as criteria-service derives it. */
    private static String slug(String name) {
        String plain = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-");
    }

    @Test
    void tokensThatAreNotValidAreRefused() {
        ForgedTokens.all(DemoUser.of("can-bo", OFFICER, commune)).forEach((reason, token) ->
                assertThat(anonymous().withToken(token).get("/api/units/" + commune).status()).as(reason)
                        .isEqualTo(401));
        assertThat(anonymous().get("/api/criteria-sets").status()).isEqualTo(401);
    }

    @Test
    void theNewCommuneRecordsTheOldOnesPastAndNoOtherCommuneMay() {
        JsonHttp.Response inherited = as(OFFICER, commune).post("/api/units/" + mergedCommune + "/measurements",
                electricity("2024-06-01"));
        assertThat(inherited.status()).as(inherited.toString()).isEqualTo(201);
        assertThat(as(OFFICER, neighbour).post("/api/units/" + mergedCommune + "/measurements",
                electricity("2024-06-01")).problemType()).isEqualTo("outside-scope");
        JsonHttp.Response inheritedForm = as(OFFICER, commune).post("/api/units/" + mergedCommune
                + "/measurement-forms", electricityForm("2024-07-01"));
        assertThat(inheritedForm.status()).as(inheritedForm.toString()).isEqualTo(201);
        assertThat(as(OFFICER, neighbour).post("/api/units/" + mergedCommune + "/measurement-forms",
                electricityForm("2024-07-01")).problemType()).isEqualTo("outside-scope");
        assertThat(as(OFFICER, mergedCommune).post("/api/units/" + commune + "/measurements",
                electricity("2025-09-01")).status()).isEqualTo(403);
        assertThat(as(OFFICER, mergedCommune).post("/api/units/" + commune + "/measurement-forms",
                electricityForm("2025-09-01")).status()).isEqualTo(403);
        assertThat(as(OFFICER, village).post("/api/units/" + commune + "/measurements",
                electricity("2025-09-01")).status()).as("a village's officer does not write for the commune")
                .isEqualTo(403);

        JsonNode actor = JsonHttp.parse(service.jdbc().queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type like '%MeasurementRecorded%' order by global_index desc limit 1""", String.class))
                .path("actor");
        assertThat(actor.path("subject").asString()).isEqualTo(OFFICER + "@" + commune);
        assertThat(actor.path("role").asString()).isEqualTo(OFFICER);
        assertThat(actor.path("scope").asString()).isEqualTo(commune);
    }

    @Test
    void aNationalSetNeedsThePlatformAndAProvincialOneItsProvince() {
        JsonHttp provinceAdmin = as(ADMIN, province);
        assertThat(provinceAdmin.post("/api/criteria-sets/shipped/VN-XA-NTM-2026-2030", "").problemType())
                .isEqualTo("criteria-set-outside-scope");
        assertThat(provinceAdmin.post("/api/criteria-sets/shipped/BG-THON-NTM", "").problemType())
                .as("Bắc Giang's village set is not this province's").isEqualTo("criteria-set-outside-scope");
        assertThat(operator().post("/api/criteria-sets/shipped/VN-XA-NTM-2026-2030", "").status())
                .isIn(201, 409);
    }

    private Map<String, Object> electricity(String validOn) {
        return Map.of("criteriaSet", SET, "indicatorCode", "4.2", "value", 98.5, "validOn", validOn);
    }

    private Map<String, Object> electricityForm(String validOn) {
        return Map.of("criteriaSet", SET, "validOn", validOn, "items", List.of(Map.of("indicatorCode", "4.2",
                "value", 98.5)));
    }

    private JsonHttp anonymous() {
        return service.anonymous();
    }

    private JsonHttp operator() {
        return anonymous().asOperator();
    }

    private JsonHttp as(String role, String unit) {
        return anonymous().withToken(TestIdentity.issuer().token(DemoUser.of(role + "@" + unit, role, unit)));
    }

    private void send(Envelope<?> envelope) {
        new VillageServiceEvents(service.brokers(), service.codec()).send(envelope);
    }

    private long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
