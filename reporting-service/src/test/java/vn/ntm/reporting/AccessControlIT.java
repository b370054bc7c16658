package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ntm.testing.AccessMatrix.Guard.ROLE;
import static vn.ntm.testing.AccessMatrix.Guard.UNIT;
import static vn.ntm.testing.AccessMatrix.Guard.WHOLE_PLATFORM;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitMoved;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.AccessMatrix;
import vn.ntm.testing.AccessMatrix.Rule;
import vn.ntm.testing.AccessMatrix.Scope;
import vn.ntm.testing.DeadLetterFixture;
import vn.ntm.testing.ForgedTokens;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.testing.TestIdentity;
import vn.ntm.testing.identity.DemoUser;

/**
 * Who may read what in reporting-service: every endpoint × role × scope (the matrix, generated from the service's own
 * request mappings), tokens that must be refused, reports without a unit narrowed to the caller's units, the live feed
 * telling each dashboard only of its units, and scopes over time (the 1/7/2025 merger, a district moved between
 * provinces). The hierarchy arrives as village-service publishes it: unit events on {@code ntm.units}.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=access")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT {

    private static final String OFFICER = "commune-officer";
    private static final String ANALYST = "analyst";
    private static final String ADMIN = "provincial-admin";
    private static final String VIEWER = "viewer";
    private static final String[] EVERYONE = {OFFICER, ANALYST, ADMIN, VIEWER};
    private static final String[] READERS = {OFFICER, ANALYST, ADMIN};
    private static final String[] EXPORTERS = {ANALYST, ADMIN};
    private static final String FEED = "GET /api/feed";
    private static final String REPLAY = "POST /api/replay";
    private static final String CANCEL = "DELETE /api/replay";
    private static final Actor PLATFORM = new Actor("quan-tri@platform", ADMIN, DemoUser.WHOLE_PLATFORM);
    private static final String BASIS = "Nghị quyết thử nghiệm";
    private static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);

    /**
     * The rules, written out independently of the code's annotations: the specification the code must meet. Viewers
     * read what the dashboard shows; history and versions are for the other roles; exports for analysts and provincial
     * administrators; rebuilding the read models for those of them whose scope is the whole platform.
     */
    private static final Map<String, Rule> RULES = AccessMatrix.rules(
            DeadLetterFixture.rules("ntm.criteria.dlq.reporting"), Map.ofEntries(
            Map.entry("GET /api/units", Rule.of("GET /api/units?asOf={date}", ROLE, EVERYONE)),
            Map.entry("GET /api/units/{unitId}/history", Rule.of("GET /api/units/{unit}/history", UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/versions", Rule.of("GET /api/units/{unit}/versions", UNIT, READERS)),
            Map.entry("GET /api/units/{unitId}/timeline", Rule.of("GET /api/units/{unit}/timeline", UNIT, READERS)),
            Map.entry("GET /api/matrix", Rule.of("GET /api/matrix?unit={unit}&asOf={date}", UNIT, EVERYONE)),
            Map.entry("GET /api/changes",
                    Rule.of("GET /api/changes?unit={unit}&from={from}&to={date}", UNIT, EVERYONE)),
            Map.entry("GET /api/progress", Rule.of("GET /api/progress?unit={unit}&asOf={date}", UNIT, EVERYONE)),
            Map.entry("GET /api/deadlines", Rule.of("GET /api/deadlines?unit={unit}&asOf={date}", UNIT, EVERYONE)),
            Map.entry("GET /api/recognitions",
                    Rule.of("GET /api/recognitions?unit={unit}&asOf={date}", UNIT, EVERYONE)),
            Map.entry("GET /api/exports/matrix.{format}",
                    Rule.of("GET /api/exports/matrix.csv?unit={unit}&asOf={date}", UNIT, EXPORTERS)),
            Map.entry("GET /api/exports/progress-report.{format}",
                    Rule.of("GET /api/exports/progress-report.csv?unit={unit}&asOf={date}", UNIT, EXPORTERS)),
            Map.entry("GET /api/replay", Rule.of("GET /api/replay", ROLE, EVERYONE)),
            // each allowed start waits for the replay before to end; each allowed cancel has one of its own to stop
            Map.entry(REPLAY, Rule.of(REPLAY, WHOLE_PLATFORM, EXPORTERS).fresh()),
            Map.entry(CANCEL, Rule.of(CANCEL, WHOLE_PLATFORM, EXPORTERS).fresh()),
            Map.entry("GET /api/replay/sources", Rule.of("GET /api/replay/sources", WHOLE_PLATFORM, EXPORTERS)),
            Map.entry("GET /api/replay/comparison",
                    Rule.of("GET /api/replay/comparison", WHOLE_PLATFORM, EXPORTERS)),
            Map.entry(FEED, Rule.of(FEED, ROLE, EVERYONE))));

    private final ServiceUnderTest service;

    /** Bắc Giang → Tân Yên → Song Vân (thôn Hoàng Vân), Ngọc Châu; from 1/7/2025 xã Ngọc Thiện under Bắc Ninh. */
    final MergerHistory h = new MergerHistory();
    final String neighbour = UUID.randomUUID().toString();
    final String otherProvince = UUID.randomUUID().toString();
    final String movedDistrict = UUID.randomUUID().toString();
    final String movedCommune = UUID.randomUUID().toString();
    final String today = LocalDate.now().toString();

    AccessControlIT(ServiceUnderTest service) {
        this.service = service;
    }

    @BeforeAll
    void hierarchyArrivesOnKafka() {
        h.publish(service.brokers(), service.codec());
        UnitRef bn = new UnitRef(h.bacNinh, "PROVINCE", "Bắc Ninh");
        UnitRef other = new UnitRef(otherProvince, "PROVINCE", "Tỉnh khác");
        UnitRef district = new UnitRef(movedDistrict, "DISTRICT", "Huyện chuyển");
        unit(neighbour, List.of(bn, new UnitRef(neighbour, "COMMUNE", "Xã bên")), MergerHistory.MERGER,
                new UnitRegistered("COMMUNE", "Xã bên", h.bacNinh, MergerHistory.MERGER, null, BASIS, null, null));
        unit(otherProvince, List.of(other), FOUNDED,
                new UnitRegistered("PROVINCE", "Tỉnh khác", null, FOUNDED, "TDMNPB", null, null, null));
        unit(movedDistrict, List.of(other, district), FOUNDED,
                new UnitRegistered("DISTRICT", "Huyện chuyển", otherProvince, FOUNDED, null, null, null, null));
        unit(movedCommune, List.of(other, district, new UnitRef(movedCommune, "COMMUNE", "Xã chuyển")), FOUNDED,
                new UnitRegistered("COMMUNE", "Xã chuyển", movedDistrict, FOUNDED, null, null, null, null));
        unit(movedDistrict, List.of(bn, district), MergerHistory.MERGER,
                new UnitMoved(h.bacNinh, otherProvince, MergerHistory.MERGER, BASIS));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(operator().get("/api/units/" + h.ngocThien + "/timeline").json().size())
                    .isGreaterThanOrEqualTo(11);
            assertThat(ids(operator().get("/api/units/" + movedDistrict + "/versions").json(), "parentId"))
                    .contains(h.bacNinh);
            assertThat(ids(operator().get("/api/matrix").json().path("rows"), "unitId"))
                    .contains(neighbour, movedCommune, h.hoangVan);
        });
    }

    /**
     * Catches an endpoint without a rule, a role or scope let through or turned away against the rule, a read that
     * fails for a caller allowed to make it, and a start or cancel of a replay by an allowed caller that does not
     * succeed (each start waits for the replay before it, each cancel has a replay of its own to stop).
     */
    @Test
    void everyEndpointHasARuleAndEveryRoleAndScopeGetsWhatTheRuleSays() {
        assertThat(RULES.keySet()).as("every endpoint of the service has a rule in this test, and no more")
                .containsExactlyInAnyOrderElementsOf(AccessMatrix.endpoints(service.context()));
        Map<String, Rule> requests = new LinkedHashMap<>(RULES);
        requests.remove(FEED); // a stream that stays open: its rule is checked by its own test below

        Map<String, String> letter = DeadLetterFixture.kafkaLetter(service.brokers(), "ntm.criteria.dlq.reporting");
        Map<String, String> ofTarget = new HashMap<>(letter);
        ofTarget.putAll(Map.of("unit", h.ngocThien, "date", "2026-01-15", "from", "2025-08-01"));
        Map<String, String> ofMerged = new HashMap<>(letter);
        ofMerged.putAll(Map.of("unit", h.songVan, "date", "2024-12-31", "from", "2024-06-01"));
        AccessMatrix.Fixture fixture = new AccessMatrix.Fixture(
                Map.of(Scope.OWN, h.ngocThien, Scope.CHILD, h.hoangVan, Scope.PARENT, h.bacNinh,
                        Scope.OTHER_COMMUNE, neighbour, Scope.OTHER_PROVINCE, otherProvince,
                        Scope.ACROSS_MERGER, h.ngocThien, Scope.PREDECESSOR, h.songVan, Scope.PROVINCE, h.bacNinh),
                ofTarget, ofMerged);

        List<AccessMatrix.Outcome> outcomes = AccessMatrix.run(anonymous(), requests, fixture.withFresh(endpoint -> {
            replayEnded();
            if (endpoint.equals(CANCEL)) {
                JsonHttp.Response started = operator().post("/api/replay", "");
                assertThat(started.status()).as(started.toString()).isEqualTo(202);
            }
            return fixture;
        }));

        assertThat(outcomes).hasSizeGreaterThan(requests.size() * 30);
        assertThat(outcomes.stream().filter(AccessMatrix.Outcome::wrong).map(Object::toString).toList())
                .as("requests that got another answer than the rule says").isEmpty();
        replayEnded(); // the allowed callers of POST /api/replay started rebuilds: the last one ends first
    }

    private void replayEnded() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !List.of("RUNNING", "SWAPPING")
                .contains(operator().get("/api/replay").json().path("state").asString()));
    }

    @Test
    void theFeedIsOpenToEveryRoleInScopeAndTakesItsTokenOnlyFromTheHeader() throws Exception {
        for (String role : AccessMatrix.ROLES) {
            assertThat(feedStatus(header(token(role, h.ngocThien)))).as(role).isEqualTo(200);
        }
        assertThat(feedStatus(header(token("auditor", h.ngocThien)))).as("no platform role").isEqualTo(403);
        assertThat(feedStatus(request("/api/feed"))).as("no token").isEqualTo(401);
        // browsers reach the feed through the portal, which sends the header: a token in the URL (which ends up in
        // logs) is accepted nowhere, the feed included
        assertThat(feedStatus(request("/api/feed?access_token=" + token(VIEWER, h.ngocThien)))).isEqualTo(401);
        assertThat(anonymous().get("/api/units?access_token=" + token(VIEWER, h.ngocThien)).status()).isEqualTo(401);
    }

    @Test
    void theFeedTellsEachDashboardOnlyOfItsOwnUnits() throws Exception {
        List<String> ngocThien = listen(header(token(VIEWER, h.ngocThien)));
        List<String> other = listen(header(token(OFFICER, neighbour)));
        List<String> province = listen(header(token(ANALYST, h.bacNinh)));

        String mine = status(MergerHistory.powerFrom(h.ngocThien, List.of(new UnitRef(h.bacNinh, "PROVINCE",
                "Bắc Ninh"), new UnitRef(h.ngocThien, "COMMUNE", "Ngọc Thiện")), LocalDate.now(), Instant.now(),
                PLATFORM, "NOT_MET", "97", false));
        String theirs = status(MergerHistory.powerFrom(neighbour, List.of(new UnitRef(h.bacNinh, "PROVINCE",
                "Bắc Ninh"), new UnitRef(neighbour, "COMMUNE", "Xã bên")), LocalDate.now(), Instant.now(), PLATFORM,
                "NOT_MET", "97", true));
        String before = status(songVanInDecember());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(heard(ngocThien)).as("its own and Song Vân's, before the merger").contains(mine, before);
            assertThat(heard(other)).contains(theirs);
            assertThat(heard(province)).contains(mine, theirs, before);
        });
        assertThat(heard(ngocThien)).as("not the neighbour's").doesNotContain(theirs);
        assertThat(heard(other)).as("not Ngọc Thiện's nor Song Vân's").doesNotContain(mine, before);
    }

    @Test
    void reportsThatNameNoUnitAreNarrowedToTheCallersUnits() {
        JsonHttp officer = as(OFFICER, h.ngocThien);
        List<String> tree = treeIds(officer.get("/api/units").json());
        assertThat(tree).contains(h.ngocThien, h.hoangVan)
                .doesNotContain(h.bacNinh, neighbour, otherProvince, movedDistrict, movedCommune);
        JsonNode matrix = officer.get("/api/matrix").json();
        assertThat(ids(matrix.path("rows"), "unitId")).containsExactlyInAnyOrder(h.ngocThien, h.hoangVan, h.songVan,
                h.ngocChau);
        assertThat(matrix.path("rows").get(0).path("depth").asInt()).as("the officer's tree starts at the commune")
                .isZero();
        assertThat(matrix.path("counts").toString()).doesNotContain("\"PROVINCE\"");
        assertThat(ids(officer.get("/api/matrix?asOf=2024-12-31").json().path("rows"), "unitId"))
                .as("in 2024: the communes that became Ngọc Thiện, with their village")
                .containsExactlyInAnyOrder(h.songVan, h.ngocChau, h.hoangVan);
        assertThat(ids(officer.get("/api/deadlines?asOf=2024-12-31").json(), "unitId")).isNotEmpty()
                .containsOnly(h.songVan);
        assertThat(ids(officer.get("/api/recognitions?asOf=2024-12-31").json().path("recognitions"), "unitId"))
                .containsOnly(h.hoangVan);

        JsonHttp neighbourOfficer = as(OFFICER, neighbour);
        assertThat(ids(neighbourOfficer.get("/api/matrix").json().path("rows"), "unitId")).containsExactly(neighbour);
        assertThat(treeIds(neighbourOfficer.get("/api/units?asOf=2024-12-31").json())).isEmpty();
        assertThat(neighbourOfficer.get("/api/deadlines?asOf=2024-12-31").json()).isEmpty();
        assertThat(neighbourOfficer.get("/api/recognitions?asOf=2024-12-31").json().path("recognitions")).isEmpty();
        assertThat(neighbourOfficer.get("/api/progress?asOf=2024-12-31").json()).isEmpty();
        JsonNode changes = neighbourOfficer.get("/api/changes?from=2024-01-01&to=" + today).json();
        assertThat(changes.toString()).doesNotContain(h.songVan, h.ngocThien, h.hoangVan);
        assertThat(as(ANALYST, neighbour).get("/api/exports/matrix.csv").body())
                .contains("Xã bên").doesNotContain("Ngọc Thiện", "Song Vân");

        JsonNode all = operator().get("/api/matrix").json();
        assertThat(ids(all.path("rows"), "unitId")).as("the whole platform sees every unit")
                .contains(h.bacNinh, h.ngocThien, neighbour, otherProvince, movedCommune);
        assertThat(as(VIEWER, h.bacNinh).get("/api/units").json().get(0).path("id").asString())
                .isEqualTo(h.bacNinh);
    }

    @Test
    void afterTheMergerNgocThienReadsSongVansHistoryAndNoOtherCommuneDoes() {
        JsonHttp successor = as(OFFICER, h.ngocThien);
        assertThat(successor.get("/api/units/" + h.songVan + "/history").json().size()).isGreaterThan(0);
        assertThat(successor.get("/api/units/" + h.songVan + "/versions").status()).isEqualTo(200);
        assertThat(ids(successor.get("/api/units/" + h.ngocThien + "/timeline").json(), "unitId"))
                .as("the timeline carries Song Vân's years").contains(h.songVan, h.ngocThien);
        assertThat(successor.get("/api/matrix?unit=" + h.songVan + "&asOf=2024-12-31").status()).isEqualTo(200);
        assertThat(successor.get("/api/deadlines?unit=" + h.songVan + "&asOf=2024-12-31").json()).isNotEmpty();

        JsonHttp.Response refused = as(OFFICER, neighbour).get("/api/units/" + h.songVan + "/history");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("outside-scope");
        assertThat(refused.json().path("detail").asString()).contains("không thuộc phạm vi");
        assertThat(as(OFFICER, neighbour).get("/api/matrix?unit=" + h.songVan + "&asOf=2024-12-31").status())
                .isEqualTo(403);
        assertThat(as(OFFICER, h.songVan).get("/api/matrix?unit=" + h.ngocThien).status())
                .as("the old commune's account does not reach its successor").isEqualTo(403);
        assertThat(as(ADMIN, h.bacNinh).get("/api/units/" + h.songVan + "/timeline").status())
                .as("the province that holds it now").isEqualTo(200);
    }

    @Test
    void aDistrictMovedBetweenProvincesIsTheOldProvincesUpToTheMoveAndTheNewOnesWholly() {
        JsonHttp oldProvince = as(ADMIN, otherProvince);
        JsonHttp newProvince = as(ADMIN, h.bacNinh);
        String before = "/api/matrix?unit=" + movedCommune + "&asOf=2025-01-01";
        String after = "/api/matrix?unit=" + movedCommune + "&asOf=2025-08-01";
        assertThat(oldProvince.get(before).status()).isEqualTo(200);
        assertThat(oldProvince.get(after).status()).isEqualTo(403);
        assertThat(oldProvince.get("/api/units/" + movedCommune + "/history").status())
                .as("its history is read as of today: the old province no longer holds it").isEqualTo(403);
        assertThat(newProvince.get(before).status()).as("the province that holds it now reads its years before")
                .isEqualTo(200);
        assertThat(newProvince.get(after).status()).isEqualTo(200);
        assertThat(ids(oldProvince.get("/api/matrix?asOf=2025-01-01").json().path("rows"), "unitId"))
                .contains(otherProvince, movedDistrict, movedCommune);
        assertThat(ids(oldProvince.get("/api/matrix").json().path("rows"), "unitId")).containsExactly(otherProvince);
        assertThat(oldProvince.get("/api/matrix?unit=" + movedCommune + "&asOf=2025-08-01&knownAt=2024-01-01T00:00:00Z")
                .status()).as("a report as known before the move does not widen the scope").isEqualTo(403);
    }

    @Test
    void aViewerSeesTheDashboardButNotHistoriesExportsOrReplays() {
        JsonHttp viewer = as(VIEWER, h.ngocThien);
        assertThat(viewer.get("/api/matrix?unit=" + h.ngocThien).status()).isEqualTo(200);
        assertThat(viewer.get("/api/replay").status()).isEqualTo(200);
        for (String path : List.of("/api/units/" + h.ngocThien + "/history", "/api/units/" + h.ngocThien + "/timeline",
                "/api/exports/matrix.xlsx?unit=" + h.ngocThien,
                "/api/exports/progress-report.csv?unit=" + h.ngocThien)) {
            JsonHttp.Response refused = viewer.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.problemType()).as(path).isEqualTo("role-not-allowed");
        }
        JsonHttp.Response replay = as(ANALYST, h.bacNinh).post("/api/replay", "");
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.problemType()).as("the read model is rebuilt for everyone").isEqualTo("whole-platform-only");
    }

    @Test
    void tokensThatAreNotValidAreRefusedAndTheDashboardItselfIsPublic() {
        DemoUser analyst = DemoUser.of("phan-tich", ANALYST, DemoUser.WHOLE_PLATFORM);
        ForgedTokens.all(analyst).forEach((reason, token) -> {
            JsonHttp.Response response = anonymous().withToken(token).get("/api/matrix");
            assertThat(response.status()).as(reason).isEqualTo(401);
            assertThat(response.problemType()).as(reason).isEqualTo("invalid-token");
            assertThat(response.headers().get("www-authenticate")).as(reason).isNotEmpty();
        });
        JsonHttp.Response none = anonymous().get("/api/matrix");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().path("detail").asString()).contains("đăng nhập");
        assertThat(anonymous().withToken(TestIdentity.issuer().token(analyst)).get("/api/matrix").status())
                .as("the same user with a valid token").isEqualTo(200);
        for (String open : List.of("/actuator/health", "/v3/api-docs")) {
            assertThat(anonymous().get(open).status()).as(open).isEqualTo(200);
        }
        // the dashboard is the portal's (web-portal): nothing of it is served here, not even without a token
        assertThat(anonymous().get("/dashboard-config.json").status()).isEqualTo(401);
    }

    @Test
    void whoChangedAUnitAndWhenIsShownWithTheChange() {
        JsonNode moved = Stream.of(operator().get("/api/units/" + movedDistrict + "/timeline").json())
                .flatMap(timeline -> java.util.stream.StreamSupport.stream(timeline.spliterator(), false))
                .filter(entry -> entry.path("kind").asString().equals("UNIT_MOVED")).findFirst().orElseThrow();
        assertThat(moved.path("unit").path("actorSubject").asString()).isEqualTo(PLATFORM.subject());
        assertThat(moved.path("validOn").asString()).isEqualTo(MergerHistory.MERGER.toString());
        assertThat(moved.path("recordedAt").isMissingNode()).isFalse();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private void unit(String unitId, List<UnitRef> path, LocalDate validOn, IntegrationPayload payload) {
        MergerHistory.send(service.brokers(), service.codec(), EventTypes.UNITS_TOPIC,
                Envelope.of(UUID.randomUUID(), validOn, Instant.now(), PLATFORM, unitId, path, payload));
    }

    /** Status stretches of a unit, sent as criteria-service would; returns the first one's event id. */
    private String status(List<Envelope<?>> stretches) {
        stretches.forEach(e -> MergerHistory.send(service.brokers(), service.codec(), EventTypes.CRITERIA_TOPIC, e));
        return stretches.get(0).eventId().toString();
    }

    /**
     * A figure for Song Vân's electricity valid on 2024-12-01 recorded now: still not met, so only the indicator's
     * stretches change (its value), one for each set version in force from that date on.
     */
    private List<Envelope<?>> songVanInDecember() {
        List<UnitRef> path = List.of(new UnitRef(h.bacGiang, "PROVINCE", "Bắc Giang"),
                new UnitRef(h.tanYen, "DISTRICT", "Tân Yên"), new UnitRef(h.songVan, "COMMUNE", "Song Vân"));
        LocalDate december = LocalDate.of(2024, 12, 1);
        String measurement = "m-" + UUID.randomUUID();
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, "4.2", december);
        return List.of(
                Envelope.of(UUID.randomUUID(), december, Instant.now(), PLATFORM, h.songVan, path,
                        MergerHistory.indicator("4", "4.2", "NOT_MET", MergerHistory.VERSION_2, "97", "98", false,
                                MergerHistory.UNVERIFIED, measurement, 1, cause)),
                Envelope.of(UUID.randomUUID(), MergerHistory.VERSION_2, Instant.now(), PLATFORM, h.songVan, path,
                        MergerHistory.indicator("4", "4.2", "NOT_MET", null, "97", "98", false,
                                MergerHistory.UNVERIFIED, measurement, 2, cause)));
    }

    /** The source events a dashboard heard of. */
    private static List<String> heard(List<String> lines) {
        List<String> sources = new ArrayList<>();
        lines.stream().filter(line -> line.startsWith("data:")).map(line -> JsonHttp.parse(line.substring(5)))
                .forEach(update -> sources.add(update.path("payload").path("sourceEventId").asString()));
        return sources;
    }

    private List<String> listen(HttpRequest request) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread listener = new Thread(() -> response.body().forEach(lines::add), "sse-listener");
        listener.setDaemon(true);
        listener.start();
        return lines;
    }

    private int feedStatus(HttpRequest request) throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
                .header("Accept", "text/event-stream").build();
    }

    private HttpRequest header(String token) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/feed"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build();
    }

    private JsonHttp anonymous() {
        return service.anonymous();
    }

    private JsonHttp operator() {
        return anonymous().asOperator();
    }

    private JsonHttp as(String role, String unit) {
        return anonymous().withToken(token(role, unit));
    }

    private static String token(String role, String unit) {
        return TestIdentity.issuer().token(DemoUser.of(role + "@" + unit, role, unit));
    }

    private static List<String> ids(JsonNode nodes, String field) {
        List<String> ids = new ArrayList<>();
        nodes.forEach(node -> ids.add(node.path(field).asString()));
        return ids;
    }

    /** Every unit of a tree, depth first. */
    private static List<String> treeIds(JsonNode roots) {
        List<String> ids = new ArrayList<>();
        roots.forEach(node -> {
            ids.add(node.path("id").asString());
            ids.addAll(treeIds(node.path("children")));
        });
        return ids;
    }
}
