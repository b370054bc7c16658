package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.ntm.testing.AccessMatrix.Guard.ROLE;
import static vn.ntm.testing.AccessMatrix.Guard.UNIT;
import static vn.ntm.testing.AccessMatrix.Scope.ACROSS_MERGER;
import static vn.ntm.testing.AccessMatrix.Scope.CHILD;
import static vn.ntm.testing.AccessMatrix.Scope.OWN;
import static vn.ntm.testing.AccessMatrix.Scope.PARENT;
import static vn.ntm.testing.AccessMatrix.Scope.PROVINCE;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
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
import vn.ntm.village.RecognitionsUnderWay.Stage;

/**
 * Who may see and change what in village-service: every endpoint × role × scope (the matrix, generated from the
 * service's own request mappings), tokens that must be refused, and scopes over time (a merger, a move between
 * provinces).
 */
@ServiceIntegrationTest
// a context of its own: the matrix's fresh hierarchies and real recognitions are its alone
@TestPropertySource(properties = {"ntm.test.suite=access", "ntm.deadlines.initial-delay-ms=3600000"})
@DirtiesContext
class AccessControlIT {

    private static final String OFFICER = "commune-officer";
    private static final String ANALYST = "analyst";
    private static final String ADMIN = "provincial-admin";
    private static final String[] READERS = {OFFICER, ANALYST, ADMIN};
    private static final String BASIS = "Nghị quyết thử nghiệm";
    private static final String ENDED = "the commune merged away has ended: no change to it is recorded any more";
    private static final LocalDate FOUNDED = LocalDate.of(2024, 3, 5);

    /**
     * The rules, written out independently of the code's annotations: the specification the code must meet. Each
     * with a valid request for its target (see {@link #targets}): the commune for its own endpoints, a village
     * registered under it, the village moved to or the commune merged into the neighbour (which only the district
     * holds besides), the commune split between the neighbours.
     */
    private static final Map<String, Rule> RULES = AccessMatrix.rules(
            DeadLetterFixture.rules("ntm.criteria.dlq.village"), DeadLetterFixture.eventHandlerRules(),
            Map.ofEntries(
            Map.entry("POST /api/units", Rule.of("POST /api/units", UNIT, ADMIN).body("""
                    {"level": "VILLAGE", "name": "Thôn {fresh}", "parentId": "{unit}", "validFrom": "{date}"}""")),
            Map.entry("POST /api/units/{id}/renames", Rule.of("POST /api/units/{unit}/renames", UNIT, ADMIN)
                    .body("""
                    {"name": "Xã {fresh}", "validFrom": "{date}", "legalBasis": "%s"}""".formatted(BASIS)).fresh()
                    .except(ACROSS_MERGER, 409, ENDED)),
            Map.entry("POST /api/units/{id}/moves", Rule.of("POST /api/units/{village}/moves", UNIT, ADMIN)
                    .body("""
                    {"parentId": "{neighbour}", "validFrom": "{later}", "legalBasis": "%s"}""".formatted(BASIS))
                    .coveredBy(PARENT, PROVINCE).fresh()),
            Map.entry("POST /api/units/{id}/attribute-changes",
                    Rule.of("POST /api/units/{unit}/attribute-changes", UNIT, ADMIN).body("""
                    {"communeGroup": 2, "validFrom": "{date}", "legalBasis": "%s"}""".formatted(BASIS)).fresh()
                    .except(ACROSS_MERGER, 409, ENDED)),
            Map.entry("POST /api/units/{id}/dissolution", Rule.of("POST /api/units/{village}/dissolution", UNIT, ADMIN)
                    .body("""
                    {"validFrom": "{later}", "legalBasis": "%s"}""".formatted(BASIS))
                    .coveredBy(OWN, CHILD, PARENT, ACROSS_MERGER, PROVINCE).fresh()),
            Map.entry("POST /api/mergers", Rule.of("POST /api/mergers", UNIT, ADMIN).body("""
                    {"sourceIds": ["{unit}"], "successorId": "{neighbour}", "validFrom": "{later}",
                     "legalBasis": "%s"}""".formatted(BASIS)).coveredBy(PARENT, PROVINCE).fresh()),
            Map.entry("POST /api/splits", Rule.of("POST /api/splits", UNIT, ADMIN).body("""
                    {"sourceId": "{unit}", "validFrom": "{later}", "legalBasis": "%s", "shares": [
                     {"successorId": "{neighbour}", "unitIds": ["{village}"]},
                     {"successorId": "{neighbour2}", "unitIds": ["{mergedVillage}"]}]}""".formatted(BASIS))
                    .coveredBy(PARENT, PROVINCE).fresh()),
            Map.entry("GET /api/units", Rule.of("GET /api/units?on=2026-01-01", ROLE, READERS)),
            Map.entry("GET /api/units/{id}", Rule.of("GET /api/units/{unit}", UNIT, READERS)),
            Map.entry("GET /api/units/{id}/versions", Rule.of("GET /api/units/{unit}/versions", UNIT, READERS)),
            Map.entry("POST /api/units/{unitId}/plans", Rule.of("POST /api/units/{unit}/plans", UNIT, OFFICER)
                    .body("""
                    {"number": "{fresh}/KH-UBND", "title": "Kế hoạch thử", "adoptedOn": "{date}",
                     "signer": "Chủ tịch UBND xã", "year": {year}, "tasks": [{"id": "t1", "description": "Việc thử",
                     "dueDate": "2030-01-01", "responsibleOffice": "Văn phòng"}]}""")),
            Map.entry("GET /api/units/{unitId}/plans", Rule.of("GET /api/units/{unit}/plans", UNIT, READERS)),
            Map.entry("GET /api/plans/{planId}", Rule.of("GET /api/plans/{plan}", UNIT, READERS)),
            Map.entry("POST /api/plans/{planId}/tasks/{taskId}/completion",
                    Rule.of("POST /api/plans/{plan}/tasks/t1/completion", UNIT, OFFICER).body("""
                    {"completedOn": "{date}", "note": "Xong"}""").fresh()),
            Map.entry("GET /api/deadlines", Rule.of("GET /api/deadlines?unitId={unit}", UNIT, READERS)),
            Map.entry("POST /api/units/{unitId}/recognitions",
                    Rule.of("POST /api/units/{unit}/recognitions", UNIT, OFFICER).body("""
                    {"level": "STANDARD", "criteriaSetCode": "%s", "requestedOn": "{date}",
                     "noOverdueConstructionDebt": true}""".formatted(RecognitionsUnderWay.SET)).fresh()),
            Map.entry("GET /api/units/{unitId}/recognitions",
                    Rule.of("GET /api/units/{unit}/recognitions", UNIT, READERS)),
            Map.entry("GET /api/recognitions/{recognitionId}",
                    Rule.of("GET /api/recognitions/{recognition}", UNIT, READERS)),
            Map.entry("POST /api/recognitions/{recognitionId}/steps",
                    // a public comment, the officer's step (the higher level's steps are the administrator's)
                    Rule.of("POST /api/recognitions/{recognition}/steps", UNIT, OFFICER).body("""
                    {"step": "PUBLIC_COMMENT", "on": "{date}", "by": "UBND xã", "passed": true}""").fresh()),
            Map.entry("POST /api/recognitions/{recognitionId}/survey",
                    Rule.of("POST /api/recognitions/{recognition}/survey", UNIT, OFFICER).body("""
                    {"on": "{date}", "by": "MTTQ", "passed": true, "villages": [{"unitId": "{surveyed}",
                     "householdsSurveyed": 100, "householdsSatisfied": 90}]}""").fresh()),
            Map.entry("POST /api/recognitions/{recognitionId}/decision",
                    Rule.of("POST /api/recognitions/{recognition}/decision", UNIT, ADMIN).body("""
                    {"decisionNumber": "{fresh}/QĐ-UBND", "decidedOn": "{date}", "authority": "Chủ tịch UBND tỉnh"}""")
                    .fresh()),
            Map.entry("POST /api/recognitions/{recognitionId}/revocation",
                    Rule.of("POST /api/recognitions/{recognition}/revocation", UNIT, ADMIN).body("""
                    {"decisionNumber": "{fresh}/QĐ-UBND", "decidedOn": "{date}", "authority": "Chủ tịch UBND tỉnh"}""")
                    .fresh()),
            Map.entry("GET /api/units/{unitId}/criteria-standing", Rule.of("GET /api/units/{unit}/criteria-standing"
                    + "?criteriaSet=" + RecognitionsUnderWay.SET + "&asOf={date}", UNIT, READERS))));

    /** How far the fresh target's recognition request must have gone for an allowed call of each endpoint. */
    private static final Map<String, Stage> STAGE = Map.of(
            "POST /api/units/{unitId}/recognitions", Stage.NONE,
            "POST /api/recognitions/{recognitionId}/steps", Stage.REQUESTED,
            "POST /api/recognitions/{recognitionId}/survey", Stage.COMMENTED,
            "POST /api/recognitions/{recognitionId}/decision", Stage.APPRAISED,
            "POST /api/recognitions/{recognitionId}/revocation", Stage.DECIDED);

    UnitHierarchy units;
    String province;
    String district;
    String commune;
    String village;
    String mergedCommune;
    String neighbour;
    String otherProvince;

    private final ServiceUnderTest service;
    private final RecognitionsUnderWay recognitions;

    AccessControlIT(ServiceUnderTest service) {
        this.service = service;
        this.recognitions = new RecognitionsUnderWay(service);
    }

    @BeforeEach
    void hierarchy() {
        units = UnitHierarchy.registeredThrough(operator(), FOUNDED, BASIS);
        province = units.province();
        district = units.district();
        mergedCommune = units.mergedCommune();
        neighbour = units.neighbour();
        commune = units.commune();
        village = units.village();
        otherProvince = units.otherProvince();
    }

    /**
     * Catches an endpoint without a rule, a role or scope let through or turned away against the rule, a scope check
     * on a unit named in the body left out (a parent when registering, the successor of a merger, a share of a split,
     * the new parent of a move), an allowed write that fails (a 500, or a 4xx to a valid request), and a refused one
     * that records an event.
     */
    @Test
    void everyEndpointHasARuleAndEveryRoleAndScopeGetsWhatTheRuleSays() {
        assertThat(RULES.keySet()).as("every endpoint of the service has a rule in this test, and no more")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.endpoints(service.context()));
        Map<String, String> letter = DeadLetterFixture.kafkaLetter(service.brokers(), "ntm.criteria.dlq.village");

        List<AccessMatrix.Outcome> outcomes = AccessMatrix.run(anonymous(), RULES,
                targets(units, letter, Stage.REQUESTED).withFresh(endpoint -> targets(UnitHierarchy.registeredThrough(
                        operator(), FOUNDED, BASIS), letter, STAGE.get(endpoint))).withRecorded(this::storedEvents));

        assertThat(outcomes).hasSizeGreaterThan(RULES.size() * 30);
        assertThat(outcomes.stream().filter(AccessMatrix.Outcome::wrong).map(Object::toString).toList())
                .as("requests that got another answer than the rule says").isEmpty();
    }

    /**
     * The matrix's targets in {@code hierarchy}: the commune (from 1/9/2025) or, across the merger, the commune merged
     * into it (in 2024); their villages, the neighbour and a second neighbour registered here, a plan of each commune
     * and, unless {@code stage} is {@code null}, a recognition request of each made ten days before, walked to
     * {@code stage}.
     */
    private AccessMatrix.Fixture targets(UnitHierarchy hierarchy, Map<String, String> letter, Stage stage) {
        String neighbour2 = register(Map.of("level", "COMMUNE", "name", "Xã bên hai", "parentId",
                hierarchy.district(), "validFrom", FOUNDED.toString()));
        Map<String, String> common = new HashMap<>(letter);
        common.putAll(Map.of("village", hierarchy.village(), "mergedVillage", hierarchy.mergedVillage(),
                "neighbour", hierarchy.neighbour(), "neighbour2", neighbour2, "later", "2025-09-01"));
        Map<String, String> ofTarget = new HashMap<>(common);
        ofTarget.putAll(Map.of("unit", hierarchy.commune(), "date", "2025-09-01", "year", "2025",
                "surveyed", hierarchy.village(),
                "plan", plan(hierarchy.commune(), "2025-08-01"),
                "recognition", recognition(hierarchy.commune(), "2025-08-20", hierarchy.village(), stage)));
        Map<String, String> ofMerged = new HashMap<>(common);
        ofMerged.putAll(Map.of("unit", hierarchy.mergedCommune(), "date", "2024-06-01", "year", "2024",
                "plan", plan(hierarchy.mergedCommune(), "2024-04-01"),
                "surveyed", hierarchy.mergedVillage(), "recognition",
                recognition(hierarchy.mergedCommune(), "2024-05-20", hierarchy.mergedVillage(), stage)));
        return new AccessMatrix.Fixture(hierarchy.scopes(), ofTarget, ofMerged);
    }

    private String recognition(String unit, String on, String village, Stage stage) {
        String id = stage == null ? null : recognitions.at(unit, LocalDate.parse(on), village, stage);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    @Test
    void tokensThatAreNotValidAreRefusedWith401AndAProblemInVietnamese() {
        DemoUser admin = DemoUser.of("quan-tri", ADMIN, DemoUser.WHOLE_PLATFORM);
        ForgedTokens.all(admin).forEach((reason, token) -> {
            JsonHttp.Response response = anonymous().withToken(token).get("/api/units");
            assertThat(response.status()).as(reason).isEqualTo(401);
            assertThat(response.problemType()).as(reason).isEqualTo("invalid-token");
            assertThat(response.headers().get("www-authenticate")).as(reason).isNotEmpty();
        });
        JsonHttp.Response none = anonymous().get("/api/units");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("detail").asString()).contains("đăng nhập");
        assertThat(anonymous().withToken(TestIdentity.issuer().token(admin)).get("/api/units").status())
                .as("the same user with a valid token").isEqualTo(200);
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void afterTheMergerTheNewCommuneSeesTheOldOnesHistoryAndNoOtherCommuneDoes() {
        JsonHttp successor = as(OFFICER, commune);
        assertThat(successor.get("/api/units/" + mergedCommune + "?on=2024-06-01").status()).isEqualTo(200);
        assertThat(successor.get("/api/units/" + mergedCommune + "/versions").status()).isEqualTo(200);
        assertThat(as(OFFICER, neighbour).get("/api/units/" + mergedCommune + "?on=2024-06-01").status())
                .isEqualTo(403);
        JsonHttp former = as(OFFICER, mergedCommune);
        assertThat(former.get("/api/units/" + mergedCommune + "?on=2024-06-01").status())
                .as("the old commune's own account still reads its own past").isEqualTo(200);
        assertThat(former.get("/api/units/" + commune).status()).as("but not its successor").isEqualTo(403);

        List<String> listed = ids(successor.get("/api/units").json());
        assertThat(listed).contains(commune, village, mergedCommune).doesNotContain(neighbour, district, province);
    }

    @Test
    void aUnitMovedBetweenProvincesIsSeenByTheOldProvinceUpToTheMoveAndByTheNewOneWholly() {
        String movedDistrict = register(Map.of("level", "DISTRICT", "name", "Huyện chuyển", "parentId", province,
                "validFrom", "2024-03-05"));
        String movedCommune = register(Map.of("level", "COMMUNE", "name", "Xã chuyển", "parentId", movedDistrict,
                "validFrom", "2024-03-05"));
        JsonHttp oldProvince = as(ADMIN, province);
        JsonHttp newProvince = as(ADMIN, otherProvince);
        assertThat(oldProvince.post("/api/units/" + movedDistrict + "/moves", Map.of("parentId", otherProvince,
                "validFrom", "2025-07-01", "legalBasis", BASIS)).status())
                .as("a move to another province needs both: the old province alone may not").isEqualTo(403);
        assertThat(operator().post("/api/units/" + movedDistrict + "/moves", Map.of("parentId", otherProvince,
                "validFrom", "2025-07-01", "legalBasis", BASIS)).status()).isEqualTo(200);

        assertThat(oldProvince.get("/api/units/" + movedCommune + "?on=2025-01-01").status()).isEqualTo(200);
        assertThat(oldProvince.get("/api/units/" + movedCommune + "?on=2025-08-01").status()).isEqualTo(403);
        assertThat(oldProvince.get("/api/units/" + movedCommune).status()).isEqualTo(403);
        assertThat(newProvince.get("/api/units/" + movedCommune + "?on=2025-01-01").status())
                .as("the province that holds it now reads its years before").isEqualTo(200);
        assertThat(newProvince.get("/api/units/" + movedCommune).status()).isEqualTo(200);
        assertThat(oldProvince.post("/api/units/" + movedCommune + "/renames", Map.of("name", "Xã đổi tên",
                "validFrom", "2025-09-01", "legalBasis", BASIS)).status()).isEqualTo(403);
        assertThat(newProvince.post("/api/units/" + movedCommune + "/renames", Map.of("name", "Xã đổi tên",
                "validFrom", "2025-09-01", "legalBasis", BASIS)).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorWorksOnlyInsideTheirProvinceAndEveryEventRecordsWhoActed() {
        JsonHttp admin = as(ADMIN, province);
        JsonHttp.Response registered = admin.post("/api/units", Map.of("level", "COMMUNE", "name", "Xã thêm",
                "parentId", district, "validFrom", "2025-01-01"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(admin.post("/api/units", Map.of("level", "COMMUNE", "name", "Xã ngoài", "parentId",
                otherProvince, "validFrom", "2025-01-01")).status()).isEqualTo(403);
        assertThat(admin.post("/api/units", Map.of("level", "PROVINCE", "name", "Tỉnh mới " + UUID.randomUUID(),
                "validFrom", "2025-01-01")).problemType()).isEqualTo("whole-platform-only");
        assertThat(admin.post("/api/mergers", Map.of("sourceIds", List.of(neighbour), "successorId", otherProvince,
                "validFrom", "2025-08-01", "legalBasis", BASIS)).problemType()).isEqualTo("outside-scope");

        JsonNode actor = JsonHttp.parse(service.jdbc().queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? order by global_index limit 1""", String.class,
                registered.json().path("id").asString())).path("actor");
        assertThat(actor.path("subject").asString()).isEqualTo("provincial-admin@" + province);
        assertThat(actor.path("role").asString()).isEqualTo(ADMIN);
        assertThat(actor.path("scope").asString()).isEqualTo(province);
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

    private String register(Map<String, String> body) {
        JsonHttp.Response response = operator().post("/api/units", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private String plan(String unit, String adoptedOn) {
        JsonHttp.Response adopted = operator().post("/api/units/" + unit + "/plans", Map.of("number", "1/KH-UBND",
                "title", "Kế hoạch thử", "adoptedOn", adoptedOn, "signer", "Chủ tịch UBND xã",
                "year", Integer.parseInt(adoptedOn.substring(0, 4)), "tasks", List.of(Map.of("id", "t1",
                        "description", "Việc thử", "dueDate", "2030-01-01", "responsibleOffice", "Văn phòng"))));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(201);
        return adopted.json().path("planId").asString();
    }

    private long storedEvents() {
        return service.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static List<String> ids(JsonNode units) {
        return StreamSupport.stream(units.spliterator(), false).map(u -> u.path("id").asString()).toList();
    }
}
