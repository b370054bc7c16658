package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ntm.testing.AccessMatrix.Guard.ROLE;
import static vn.ntm.testing.AccessMatrix.Guard.UNIT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.testing.AccessMatrix;
import vn.ntm.testing.AccessMatrix.Rule;
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
class AccessControlIT {

    private static final String OFFICER = "commune-officer";
    private static final String ANALYST = "analyst";
    private static final String ADMIN = "provincial-admin";
    private static final String[] READERS = {OFFICER, ANALYST, ADMIN};
    private static final Actor VILLAGE_SERVICE = new Actor("quan-tri", ADMIN, "*");
    private static final String SET = "VN-XA-NTMNC-2021-2025";

    /** The rules, written out independently of the code's annotations: the specification the code must meet. */
    private static final Map<String, Rule> RULES = AccessMatrix.rules(
            AccessMatrix.deadLetterRules("ntm.units.dlq.criteria"), AccessMatrix.eventHandlerDeadLetterRules(),
            Map.ofEntries(
            Map.entry("GET /api/units/{unitId}", Rule.of("GET /api/units/{unit}", UNIT, READERS)),
            Map.entry("POST /api/units/{unitId}/measurements",
                    Rule.of("POST /api/units/{unit}/measurements", UNIT, OFFICER)),
            Map.entry("POST /api/units/{unitId}/measurement-forms",
                    Rule.of("POST /api/units/{unit}/measurement-forms", UNIT, OFFICER)),
            Map.entry("GET /api/units/{unitId}/measurement-template", Rule.of("GET /api/units/{unit}/measurement-template"
                    + "?criteriaSet=" + SET + "&validOn=2025-06-01", UNIT, READERS)),
            Map.entry("POST /api/units/{unitId}/measurement-imports", Rule.of("POST /api/units/{unit}/measurement-imports"
                    + "?criteriaSet=" + SET + "&validOn=2025-06-01&dryRun=true", UNIT, OFFICER)),
            Map.entry("POST /api/units/{unitId}/measurements/{measurementId}/corrections",
                    Rule.of("POST /api/units/{unit}/measurements/" + UUID.randomUUID() + "/corrections", UNIT,
                            OFFICER)),
            Map.entry("POST /api/units/{unitId}/measurements/{measurementId}/retraction",
                    Rule.of("POST /api/units/{unit}/measurements/" + UUID.randomUUID() + "/retraction", UNIT,
                            OFFICER)),
            Map.entry("GET /api/units/{unitId}/standing",
                    Rule.of("GET /api/units/{unit}/standing?criteriaSet=" + SET, UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/gaps", Rule.of("GET /api/units/{unit}/gaps?criteriaSet=" + SET, UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/history",
                    Rule.of("GET /api/units/{unit}/history?criteriaSet=" + SET, UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/assessments",
                    Rule.of("GET /api/units/{unit}/assessments", UNIT, READERS)),
            Map.entry("POST /api/criteria-sets", Rule.of("POST /api/criteria-sets", ROLE, ADMIN)),
            Map.entry("GET /api/criteria-sets", Rule.of("GET /api/criteria-sets", ROLE, READERS)),
            Map.entry("GET /api/criteria-sets/applicable",
                    Rule.of("GET /api/criteria-sets/applicable?level=COMMUNE", ROLE, READERS)),
            Map.entry("GET /api/criteria-sets/shipped", Rule.of("GET /api/criteria-sets/shipped", ROLE, READERS)),
            Map.entry("POST /api/criteria-sets/shipped/{code}",
                    Rule.of("POST /api/criteria-sets/shipped/NOT-SHIPPED", ROLE, ADMIN)),
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

    @Test
    void everyEndpointHasARuleAndEveryRoleAndScopeGetsWhatTheRuleSays() {
        assertThat(RULES.keySet()).as("every endpoint of the service has a rule in this test, and no more")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.endpoints(service.context()));
        long eventsBefore = storedEvents();

        List<AccessMatrix.Outcome> outcomes = AccessMatrix.run(anonymous(), RULES, new AccessMatrix.Fixture(
                units.scopes(),
                Map.of("unit", commune), Map.of("unit", mergedCommune)));

        assertThat(outcomes.stream().filter(AccessMatrix.Outcome::wrong).map(Object::toString).toList())
                .as("requests that got another answer than the rule says").isEmpty();
        assertThat(storedEvents()).as("no request of the matrix recorded anything").isEqualTo(eventsBefore);
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
