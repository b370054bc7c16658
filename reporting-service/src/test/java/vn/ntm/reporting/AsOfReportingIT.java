package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * The read models answer "as of D", "as known at K about D" and "what changed between D1 and D2" across the merger
 * of 1 July 2025, from events on a real broker folded into real PostgreSQL.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=as-of")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfReportingIT {

    @Autowired
    javax.sql.DataSource dataSource;

    final MergerHistory h = new MergerHistory();

    private final ServiceUnderTest service;

    AsOfReportingIT(ServiceUnderTest service) {
        this.service = service;
    }

    @BeforeAll
    void publishTheMergerHistory() {
        h.publish(service.brokers(), service.codec());
        // Ngọc Thiện's timeline: its stretches and those of the communes merged into it, and five unit changes
        int expected = h.stretchesOf(h.ngocThien, h.songVan, h.ngocChau) + 5;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                http().get("/api/units/" + h.ngocThien + "/timeline").json().size()).isGreaterThanOrEqualTo(expected));
    }

    @Test
    void in2024TheTreeIsBacGiangTanYenSongVanWithItsVillage() {
        JsonNode matrix = http().get("/api/matrix?unit=" + h.bacGiang + "&asOf=2024-12-31&indicators=true").json();
        assertThat(names(matrix)).containsExactly("Bắc Giang", "Tân Yên", "Ngọc Châu", "Song Vân", "Hoàng Vân");
        JsonNode songVan = row(matrix, h.songVan);
        assertThat(songVan.path("path")).extracting(p -> p.path("name").asString())
                .containsExactly("Bắc Giang", "Tân Yên", "Song Vân");
        assertThat(row(matrix, h.hoangVan).path("parentId").asString()).isEqualTo(h.songVan);
        JsonNode cell = indicator(songVan, "4.2");
        assertThat(cell.path("status").asString()).as("the September measurement").isEqualTo("NOT_MET");
        assertThat(cell.path("threshold").decimalValue()).isEqualByComparingTo("98");
        assertThat(cell.path("thresholdVerified").asBoolean()).isFalse();
        assertThat(cell.path("thresholdSource").asString()).isEqualTo("Research extract, not verified");
        assertThat(songVan.path("sets").path(0).path("status").asString()).isEqualTo("NOT_MET");
        assertThat(criterion(songVan, "4").path("status").asString())
                .as("the criterion of its only indicator, not met with it").isEqualTo("NOT_MET");
        assertThat(criterion(songVan, "10").path("status").asString()).isEqualTo("MET");
        assertThat(songVan.path("sets").path(0).path("criteriaMet").asInt()).isEqualTo(1);
        JsonNode communes = level(matrix, "COMMUNE");
        assertThat(communes.path("units").asInt()).isEqualTo(2);
        assertThat(communes.path("sets").path(0).path("notMet").asInt()).isEqualTo(1);
        assertThat(communes.path("sets").path(0).path("unknown").asInt()).isEqualTo(1);
    }

    /**
     * Observation 4 of issue 14: a set is described by the version in force on the date asked, and each row names the
     * version its statuses were judged by. Catches a catalogue that keeps only the latest version of each set (one
     * row per code, as criteria_set_view was): the 2024 matrix would name version 2, effective 2025-01-01, and its
     * three criteria, environment among them, which did not exist in 2024.
     */
    @Test
    void theMatrixAsOfADateInVersionOnesPeriodNamesVersionOneAndItsCriteria() throws Exception {
        JsonNode april = http().get("/api/matrix?unit=" + h.songVan + "&asOf=2024-04-15&depth=0").json();
        JsonNode set = april.path("criteriaSets").path(0);
        assertThat(set.path("code").asString()).isEqualTo(MergerHistory.SET);
        assertThat(set.path("version").asInt()).isEqualTo(1);
        assertThat(set.path("titleVi").asString()).isEqualTo("Bộ tiêu chí xã NTM nâng cao (thử)");
        assertThat(set.path("legalBasis").asString()).isEqualTo("318/QĐ-TTg");
        assertThat(set.path("effectiveTo").asString()).as("ended by version 2").isEqualTo("2024-12-31");
        assertThat(values(set.path("criteria"), "code")).containsExactly("4", "10");
        JsonNode songVan = row(april, h.songVan);
        assertThat(songVan.path("sets").path(0).path("setVersion").asInt()).isEqualTo(1);
        assertThat(songVan.path("sets").path(0).path("criteriaTotal").asInt()).isEqualTo(2);
        assertThat(values(songVan.path("criteria"), "criterionCode")).containsExactlyInAnyOrder("4", "10");
        assertThat(values(songVan.path("criteria"), "setVersion")).containsOnly("1");

        JsonNode later = http().get("/api/matrix?unit=" + h.ngocThien + "&asOf=2026-01-15&depth=0").json();
        JsonNode version2 = later.path("criteriaSets").path(0);
        assertThat(version2.path("version").asInt()).isEqualTo(2);
        assertThat(version2.path("legalBasis").asString()).isEqualTo("211/QĐ-TTg");
        assertThat(values(version2.path("criteria"), "code")).containsExactly("4", "10", "17");
        assertThat(row(later, h.ngocThien).path("sets").path(0).path("criteriaTotal").asInt()).isEqualTo(3);
        assertThat(row(later, h.ngocThien).path("sets").path(0).path("setVersion").asInt()).isEqualTo(2);
        assertThat(http().get("/api/matrix?unit=" + h.songVan + "&asOf=2024-12-31&knownAt=2024-11-01T00:00:00Z")
                .json().path("criteriaSets").path(0).path("effectiveTo").isNull())
                .as("before version 2 was published, version 1 had no end").isTrue();

        java.net.http.HttpResponse<byte[]> report = download("/api/exports/progress-report.xlsx?unit=" + h.songVan
                + "&asOf=2024-04-15");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(report.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).endsWith("(phiên bản 1)");
            assertThat(text(sheet, 2, 0)).endsWith("318/QĐ-TTg");
            List<String> criteria = new ArrayList<>();
            for (int r = 5; r <= sheet.getLastRowNum(); r++) {
                criteria.add(text(sheet, r, 1));
            }
            assertThat(criteria).contains("4. Điện", "10. Thu nhập").doesNotContain("17. Môi trường");
            assertThat(text(sheet, sheet.getLastRowNum(), 0)).isEqualTo("Tổng số tiêu chí đạt: 2/2");
        }
    }

    @Test
    void theCriteriaMatrixLeavesIndicatorsOutUnlessAskedAndListsOnlyTheLevelsAsked() {
        JsonNode criteria = http().get("/api/matrix?unit=" + h.bacGiang + "&asOf=2024-12-31").json();
        assertThat(row(criteria, h.songVan).path("indicators").size()).as("criteria only").isZero();
        assertThat(row(criteria, h.songVan).path("sets").path(0).path("status").asString()).isEqualTo("NOT_MET");
        assertThat(row(criteria, h.songVan).path("criteria").size()).isPositive();
        assertThat(criteria.path("criteriaSets")).as("the set's column stays").isNotEmpty();

        assertThat(names(http().get("/api/matrix?unit=" + h.bacGiang + "&asOf=2024-12-31&depth=1").json()))
                .containsExactly("Bắc Giang", "Tân Yên");
        JsonNode songVanAlone = http().get("/api/matrix?unit=" + h.songVan + "&asOf=2024-12-31&depth=0"
                + "&indicators=true").json();
        assertThat(names(songVanAlone)).containsExactly("Song Vân");
        assertThat(indicator(row(songVanAlone, h.songVan), "4.2").path("status").asString())
                .isEqualTo("NOT_MET");
        assertThat(names(http().get("/api/matrix?unit=" + h.ngocThien + "&asOf=2026-01-15&depth=0").json()))
                .as("a merged commune follows its successor whatever the depth")
                .containsExactly("Ngọc Thiện", "Ngọc Châu", "Song Vân");

        JsonHttp.Response negative = http().get("/api/matrix?depth=-1");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.problemType()).isEqualTo("negative-depth");
        assertThat(negative.json().path("title").asString()).isEqualTo("Số cấp không hợp lệ");
    }

    @Test
    void asKnownBeforeTheCorrectionWasRecordedSongVanStillMetTheStandard() {
        JsonNode matrix = http().get("/api/matrix?unit=" + h.songVan + "&asOf=2024-12-31&knownAt=2024-10-01T00:00:00Z&indicators=true")
                .json();
        JsonNode songVan = row(matrix, h.songVan);
        assertThat(indicator(songVan, "4.2").path("status").asString()).isEqualTo("MET");
        assertThat(songVan.path("sets").path(0).path("status").asString()).isEqualTo("MET");
        assertThat(level(matrix, "COMMUNE").path("sets").path(0).path("met").asInt()).isEqualTo(1);
    }

    @Test
    void in2026TheTreeIsBacNinhNgocThienWithSongVanRolledUpUnderItsSuccessor() {
        JsonNode matrix = http().get("/api/matrix?unit=" + h.bacNinh + "&asOf=2026-01-15&indicators=true").json();
        assertThat(names(matrix)).as("merged units follow their successor")
                .containsExactly("Bắc Ninh", "Bắc Giang", "Ngọc Thiện", "Ngọc Châu", "Song Vân", "Hoàng Vân");
        assertThat(row(matrix, h.bacGiang).path("predecessorOf").asString()).isEqualTo(h.bacNinh);
        JsonNode songVan = row(matrix, h.songVan);
        assertThat(songVan.path("predecessorOf").asString()).isEqualTo(h.ngocThien);
        assertThat(songVan.path("endReason").asString()).isEqualTo("MERGED");
        assertThat(songVan.path("endedOn").asString()).isEqualTo("2025-07-01");
        assertThat(indicator(songVan, "4.2").path("status").asString())
                .as("its standing on its last day").isEqualTo("NOT_MET");
        assertThat(indicator(songVan, "4.2").path("setVersion").asInt()).as("judged by version 2 then").isEqualTo(2);
        assertThat(row(matrix, h.hoangVan).path("path")).extracting(p -> p.path("name").asString())
                .containsExactly("Bắc Ninh", "Ngọc Thiện", "Hoàng Vân");
        assertThat(indicator(row(matrix, h.ngocThien), "4.2").path("status").asString()).isEqualTo("MET");
        JsonNode communes = level(matrix, "COMMUNE");
        assertThat(communes.path("units").asInt()).as("only Ngọc Thiện exists in 2026").isEqualTo(1);
        assertThat(communes.path("sets").path(0).path("unknown").asInt()).isEqualTo(1);
        assertThat(http().get("/api/matrix?unit=" + h.songVan + "&asOf=2026-01-15").json().path("root")
                .path("name").asString()).as("a merged unit is answered by its successor").isEqualTo("Ngọc Thiện");
        assertThat(http().get("/api/matrix?unit=" + h.tanYen + "&asOf=2026-01-15").status())
                .as("a dissolved district has no successor").isEqualTo(404);
    }

    @Test
    void beforeTheMergerWasRecordedThe2026TreeWasStillTheOldOne() {
        JsonNode matrix = http().get("/api/matrix?unit=" + h.songVan + "&asOf=2026-01-15&knownAt=2025-06-01T00:00:00Z")
                .json();
        assertThat(names(matrix)).containsExactly("Song Vân", "Hoàng Vân");
        assertThat(row(matrix, h.songVan).path("path")).extracting(p -> p.path("name").asString())
                .containsExactly("Bắc Giang", "Tân Yên", "Song Vân");
    }

    @Test
    void aVillageKeepsOneIdentityAcrossTheMergerWithTwoVersions() {
        List<JsonNode> all = new ArrayList<>();
        http().get("/api/units/" + h.hoangVan + "/versions").json().forEach(all::add);
        assertThat(all).as("one open-ended version known until the merger was recorded, then two").hasSize(3);
        List<JsonNode> versions = all.stream().filter(v -> v.path("recordedTo").isNull()).toList();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("parentId").asString()).isEqualTo(h.songVan);
        assertThat(versions.get(0).path("validTo").asString()).isEqualTo("2025-07-01");
        assertThat(versions.get(1).path("parentId").asString()).isEqualTo(h.ngocThien);
        assertThat(versions.get(1).path("validTo").isNull()).isTrue();
        JsonNode songVan = http().get("/api/units/" + h.songVan + "/versions").json();
        assertThat(songVan).as("known open-ended first, then closed by the merger: two recorded versions").hasSize(2);
        assertThat(songVan.get(0).path("recordedTo").asString()).isEqualTo("2025-06-25T02:00:00Z");
        assertThat(songVan.get(0).path("validTo").isNull()).isTrue();
        assertThat(songVan.get(1).path("validTo").asString()).isEqualTo("2025-07-01");
    }

    @Test
    void theSuccessorsTimelineReachesTheMergedCommunesHistory() {
        JsonNode timeline = http().get("/api/units/" + h.ngocThien + "/timeline").json();
        List<String> lines = new ArrayList<>();
        timeline.forEach(e -> lines.add(e.path("unitName").asString() + " " + e.path("kind").asString() + " "
                + e.path("validOn").asString()));
        assertThat(lines).contains("Song Vân INDICATOR 2024-03-05", "Song Vân INDICATOR 2024-09-30",
                "Song Vân UNIT_ENDED 2025-07-01", "Ngọc Thiện INDICATOR 2026-01-10");
        JsonNode own = http().get("/api/units/" + h.ngocThien + "/timeline?includePredecessors=false&indicator=4.2")
                .json();
        assertThat(own).hasSize(1);
    }

    /** A move's timeline entry carried the new parent's id with no name ("parentName: null"). */
    @Test
    void aMoveInTheTimelineNamesTheParentAsItWasNamedOnThatDate() {
        JsonNode timeline = http().get("/api/units/" + h.hoangVan + "/timeline").json();
        JsonNode moved = null;
        JsonNode registered = null;
        for (JsonNode e : timeline) {
            if (e.path("kind").asString().equals("UNIT_MOVED")) {
                moved = e.path("unit");
            } else if (e.path("kind").asString().equals("UNIT_REGISTERED")) {
                registered = e.path("unit");
            }
        }
        assertThat(moved).as("Hoàng Vân moved into Ngọc Thiện on 2025-07-01").isNotNull();
        assertThat(moved.path("parentId").asString()).isEqualTo(h.ngocThien);
        assertThat(moved.path("parentName").asString()).isEqualTo("Ngọc Thiện");
        assertThat(registered.path("parentName").asString()).as("its parent when it was registered")
                .isEqualTo("Song Vân");
    }

    /**
     * Asked as known before a unit was recorded, a report said the unit "does not exist" on the date; it exists on
     * that date, the platform only learnt it later. A unit that never existed on the date is still told apart.
     */
    @Test
    void aUnitAskedAboutAsKnownBeforeItWasRecordedIsNotYetRecordedRatherThanMissing() {
        JsonHttp.Response early = http().get("/api/matrix?unit=" + h.ngocThien + "&asOf=2025-07-15"
                + "&knownAt=2025-06-01T00:00:00Z");
        assertThat(early.status()).isEqualTo(404);
        assertThat(early.problemType()).isEqualTo("unit-not-yet-recorded");
        assertThat(early.json().path("detail").asString()).contains("Ngọc Thiện", "2025-07-15",
                "2025-06-01T00:00:00Z", "2025-06-25T02:00:00Z");
        assertThat(http().get("/api/deadlines?unit=" + h.ngocThien + "&asOf=2025-07-15&knownAt=2025-06-01T00:00:00Z")
                .problemType()).isEqualTo("unit-not-yet-recorded");
        assertThat(http().get("/api/matrix?unit=" + h.ngocThien + "&asOf=2025-06-15").problemType())
                .as("before the merger it did not exist, whatever was known").isEqualTo("unit-not-in-tree");
        assertThat(http().get("/api/matrix?unit=" + java.util.UUID.randomUUID() + "&asOf=2025-07-15").problemType())
                .isEqualTo("unit-not-found");
    }

    /** "knownAt=2026-12-02" was refused as "giá trị không hợp lệ" without saying what form it takes. */
    @Test
    void aRecordedTimeIsAnInstantOrADateMeaningTheEndOfThatDayInVietnam() {
        // the merger was recorded on 2025-06-25 at 02:00 UTC (09:00 in Vietnam)
        assertThat(names(http().get("/api/matrix?unit=" + h.songVan + "&asOf=2026-01-15&knownAt=2025-06-24").json()))
                .as("by the end of 24 June nothing of the merger was known").containsExactly("Song Vân", "Hoàng Vân");
        assertThat(http().get("/api/matrix?unit=" + h.ngocThien + "&asOf=2026-01-15&knownAt=2025-06-25").status())
                .as("by the end of 25 June it was").isEqualTo(200);
        assertThat(http().get("/api/matrix?unit=" + h.ngocThien + "&asOf=2026-01-15"
                + "&knownAt=2025-06-25T09:30:00%2B07:00").status()).as("a date-time with its offset").isEqualTo(200);

        for (String path : List.of("/api/matrix?knownAt=2026-12-02x", "/api/units?knownAt=2026-12-02x",
                "/api/units/" + h.hoangVan + "/timeline?knownAt=2026-12-02x")) {
            JsonHttp.Response refused = http().get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.json().path("detail").asString()).as(path)
                    .contains("2026-12-02x", "2026-12-02T10:00:00Z", "2026-12-02 (nghĩa là cuối ngày đó theo giờ Việt Nam)");
        }
        assertThat(http().with("Accept-Language", "en").get("/api/units?knownAt=yesterday").json().path("detail")
                .asString()).contains("\"yesterday\"", "ISO 8601 instant such as 2026-12-02T10:00:00Z",
                "the end of that day, Vietnam time");
    }

    @Test
    void changesBetweenTwoDatesListCellsEventsAndUnitChanges() {
        JsonNode changes = http().get("/api/changes?unit=" + h.bacGiang + "&from=2024-06-30&to=2026-01-15").json();
        List<String> cells = new ArrayList<>();
        changes.path("cells").forEach(c -> cells.add(c.path("unitName").asString() + " " + c.path("kind").asString()
                + " " + c.path("statusBefore").asString() + "→" + c.path("statusAfter").asString()));
        assertThat(cells).contains("Song Vân INDICATOR MET→NOT_MET", "Song Vân SET MET→NOT_MET",
                "Ngọc Thiện INDICATOR UNKNOWN→MET");
        List<String> units = new ArrayList<>();
        changes.path("units").forEach(u -> units.add(u.path("kind").asString()));
        assertThat(units).contains("ENDED", "MOVED", "REGISTERED");
        assertThat(http().get("/api/changes?from=2026-01-15&to=2024-01-01").problemType()).isEqualTo("dates-reversed");
    }

    /**
     * A report reading two views while the replay points them at the new generation: the swap steps aside (lock
     * timeout, savepoint) instead of one of the two ending in "deadlock detected" — which was the report's 500.
     */
    @Test
    void aReportThatReadsTwoViewsDuringTheSwapIsNeverTheDeadlockVictim() throws Exception {
        try (java.sql.Connection report = dataSource.getConnection()) {
            report.setAutoCommit(false);
            count(report, "rollup_status_history");
            JsonHttp.Response started = http().post("/api/replay", "");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(http().get("/api/replay").json().path("state").asString()).isEqualTo("SWAPPING"));
            for (String view : List.of("status_history", "measurement_history", "unit_version")) {
                count(report, view);
            }
            report.commit();
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(http().get("/api/replay").json().path("state").asString()).isEqualTo("DONE"));
        assertThat(http().get("/api/units/" + h.ngocThien + "/timeline").status()).isEqualTo(200);
    }

    private static void count(java.sql.Connection connection, String view) throws java.sql.SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from public." + view)) {
            assertThat(rows.next()).isTrue();
        }
    }

    @Test
    void aReplayRebuildsEveryReadModelBesideTheLiveOneAndTheRebuiltOneEqualsIt() {
        JsonNode sources = http().get("/api/replay/sources").json();
        assertThat(sources).hasSize(2);
        sources.forEach(s -> assertThat(s.path("keptForever").asBoolean()).as(s.toString()).isTrue());
        String matrix2024 = http().get("/api/matrix?asOf=2024-12-31&knownAt=2026-06-01T00:00:00Z").body();
        String matrix2026 = http().get("/api/matrix?asOf=2026-01-15&knownAt=2026-06-01T00:00:00Z").body();
        String timeline = http().get("/api/units/" + h.ngocThien + "/timeline").body();
        String liveBefore = http().get("/api/replay").json().path("liveGeneration").asString();

        JsonHttp.Response started = http().post("/api/replay", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("targetGeneration").asString()).isNotEqualTo(liveBefore);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(http().get("/api/replay").json().path("state").asString()).isEqualTo("DONE"));
        JsonNode done = http().get("/api/replay").json();
        assertThat(done.path("liveGeneration").asString()).isEqualTo(started.json().path("targetGeneration").asString());
        assertThat(done.path("eventsDone").asLong()).isGreaterThanOrEqualTo(h.units.size() + h.criteria.size());
        assertThat(done.path("eventsTotal").asLong()).isEqualTo(done.path("eventsDone").asLong());
        assertThat(done.path("secondsLeft").asLong()).isZero();

        JsonNode comparison = http().get("/api/replay/comparison").json();
        assertThat(comparison.path("equal").asBoolean()).as(comparison.toString()).isTrue();
        List<String> tables = new ArrayList<>();
        comparison.path("tables").forEach(t -> {
            tables.add(t.path("table").asString());
            assertThat(t.path("liveRows").asLong()).as(t.toString()).isEqualTo(t.path("otherRows").asLong());
        });
        assertThat(tables).contains("unit_version", "status_history", "plan_task", "recognition_event");
        assertThat(http().get("/api/matrix?asOf=2024-12-31&knownAt=2026-06-01T00:00:00Z").body()).isEqualTo(matrix2024);
        assertThat(http().get("/api/matrix?asOf=2026-01-15&knownAt=2026-06-01T00:00:00Z").body()).isEqualTo(matrix2026);
        assertThat(http().get("/api/units/" + h.ngocThien + "/timeline").body()).isEqualTo(timeline);

        MergerHistory.powerFrom(h.ngocThien, List.of(), java.time.LocalDate.of(2026, 3, 1), java.time.Instant.now(),
                null, "NOT_MET", "97", false).forEach(e -> MergerHistory.send(service.brokers(), service.codec(),
                        "ntm.criteria", e));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode ngocThien = row(http().get("/api/matrix?unit=" + h.ngocThien + "&asOf=2026-03-01&indicators=true")
                    .json(), h.ngocThien);
            assertThat(indicator(ngocThien, "4.2").path("status").asString())
                    .as("the live consumer writes into the new generation").isEqualTo("NOT_MET");
            assertThat(ngocThien.path("sets").path(0).path("status").asString()).isEqualTo("NOT_MET");
        });
    }

    @Test
    void planProgressComparesEachTargetWithTheLatestValueAndItsTrend() {
        JsonNode plan = http().get("/api/progress?unit=" + h.songVan + "&asOf=2024-12-31").json().path(0);
        assertThat(plan.path("number").asString()).isEqualTo("30/KH-UBND");
        JsonNode power = plan.path("targets").path(0);
        assertThat(power.path("targetId").asString()).isEqualTo("t-4.2");
        assertThat(power.path("latestValue").decimalValue()).isEqualByComparingTo("88.37");
        assertThat(power.path("previousValue").decimalValue()).isEqualByComparingTo("99");
        assertThat(power.path("trend").asString()).isEqualTo("DOWN");
        assertThat(power.path("state").asString()).isEqualTo("AT_RISK");
        assertThat(power.path("series")).hasSize(2);
        assertThat(plan.path("targets").path(1).path("state").asString()).as("58 ≥ 54").isEqualTo("ACHIEVED");
        assertThat(plan.path("roadmap").path(0).path("state").asString()).as("Hoàng Vân recognised").isEqualTo("ACHIEVED");
        JsonNode later = http().get("/api/progress?unit=" + h.songVan + "&asOf=2025-01-15").json().path(0);
        assertThat(later.path("targets").path(0).path("state").asString()).isEqualTo("MISSED");
        JsonNode known = http().get("/api/progress?unit=" + h.songVan
                + "&asOf=2024-12-31&knownAt=2024-06-01T00:00:00Z").json().path(0);
        assertThat(known.path("targets").path(0).path("latestValue").decimalValue())
                .as("before the September figure was recorded").isEqualByComparingTo("99");
        assertThat(known.path("targets").path(0).path("trend").isNull()).isTrue();
        JsonNode in2026 = http().get("/api/progress?unit=" + h.ngocThien + "&asOf=2026-01-15").json();
        assertThat(in2026).as("Song Vân's plan reachable under its successor").hasSize(1);
        assertThat(in2026.path(0).path("unitName").asString()).isEqualTo("Song Vân");
    }

    @Test
    void deadlinesAreOpenDoneOrMissedOnTheDateAsked() {
        List<String> april = new ArrayList<>();
        http().get("/api/deadlines?unit=" + h.songVan + "&asOf=2024-04-02").json()
                .forEach(d -> april.add(d.path("taskId").asString() + "=" + d.path("state").asString()));
        assertThat(april).containsExactly("task-model-plans=DONE", "task-village-plans=OPEN", "task-survey=OPEN");
        List<String> december = new ArrayList<>();
        http().get("/api/deadlines?unit=" + h.songVan + "&asOf=2024-12-31").json()
                .forEach(d -> december.add(d.path("taskId").asString() + "=" + d.path("state").asString()
                        + (d.path("missedReported").asBoolean() ? "!" : "")));
        assertThat(december).containsExactly("task-model-plans=DONE", "task-village-plans=MISSED!", "task-survey=OPEN");
    }

    @Test
    void theRecognitionPipelineShowsEachRequestAtItsStage() {
        JsonNode november = http().get("/api/recognitions?unit=" + h.songVan + "&asOf=2024-11-25").json();
        assertThat(november.path("stages").path("SATISFACTION_SURVEY").asInt()).isEqualTo(1);
        JsonNode december = http().get("/api/recognitions?unit=" + h.songVan + "&asOf=2024-12-31").json();
        JsonNode r = december.path("recognitions").path(0);
        assertThat(r.path("stage").asString()).isEqualTo("RECOGNISED");
        assertThat(r.path("unitName").asString()).isEqualTo("Hoàng Vân");
        assertThat(r.path("level").asString()).isEqualTo("MODEL");
        assertThat(r.path("decisionNumber").asString()).isEqualTo("2415/QĐ-UBND");
        assertThat(r.path("rewarded").decimalValue()).isEqualByComparingTo("10000000");
        assertThat(r.path("steps").path(0).path("by").asString()).isEqualTo("Ủy ban MTTQ xã");
    }

    @Test
    void aCommunesProgressReportDownloadsAsXlsxAndCsvInTheOfficesLayoutWithDiacritics() throws Exception {
        java.net.http.HttpResponse<byte[]> xlsx = download("/api/exports/progress-report.xlsx?unit=" + h.songVan
                + "&asOf=2024-12-31");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .contains("bao-cao-song-van-2024-12-31.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Báo cáo");
            assertThat(text(sheet, 0, 0)).startsWith("BÁO CÁO KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ");
            assertThat(text(sheet, 1, 0)).isEqualTo("Xã Song Vân");
            assertThat(text(sheet, 4, 0)).isEqualTo("STT");
            assertThat(text(sheet, 4, 5)).isEqualTo("Đánh giá");
            assertThat(text(sheet, 5, 1)).isEqualTo("4. Điện");
            assertThat(text(sheet, 5, 5)).as("the criterion of its only indicator, not met").isEqualTo("Chưa đạt");
            assertThat(text(sheet, 6, 2)).isEqualTo("Tỷ lệ hộ sử dụng điện an toàn");
            assertThat(text(sheet, 6, 3)).isEqualTo("≥ 98 %");
            assertThat(text(sheet, 6, 4)).isEqualTo("88.37 %");
            assertThat(text(sheet, 6, 5)).isEqualTo("Chưa đạt");
            assertThat(text(sheet, 6, 7)).isEqualTo("Research extract, not verified (chưa kiểm chứng)");
            assertThat(text(sheet, 7, 1)).isEqualTo("10. Thu nhập");
            assertThat(text(sheet, 7, 5)).isEqualTo("Đạt");
            assertThat(text(sheet, 8, 4)).isEqualTo("58 triệu đồng");
            assertThat(text(sheet, 8, 5)).isEqualTo("Đạt");
            assertThat(text(sheet, 10, 0)).isEqualTo("Tổng số tiêu chí đạt: 1/2");
        }
        java.net.http.HttpResponse<byte[]> csv = download("/api/exports/progress-report.csv?unit=" + h.songVan
                + "&asOf=2024-12-31");
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFBÁO CÁO").contains("4.2,Tỷ lệ hộ sử dụng điện an toàn,≥ 98 %,88.37 %,Chưa đạt");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        java.net.http.HttpResponse<byte[]> english = download("/api/exports/progress-report.csv?unit=" + h.songVan
                + "&asOf=2024-12-31&lang=en");
        assertThat(new String(english.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("4.2,Households with safe electricity,≥ 98 %,88.37 %,Not met");
    }

    @Test
    void theMatrixDownloadsAsXlsxWithOneColumnPerCriterionAndAsCsv() throws Exception {
        java.net.http.HttpResponse<byte[]> xlsx = download("/api/exports/matrix.xlsx?unit=" + h.bacNinh
                + "&asOf=2026-01-15");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            var criteria = book.getSheet("Tiêu chí");
            assertThat(text(criteria, 3, 3)).isEqualTo("TEST-NTMNC — Cả bộ tiêu chí");
            assertThat(text(criteria, 3, 4)).isEqualTo("TEST-NTMNC — 4. Điện");
            List<String> units = new ArrayList<>();
            for (int r = 4; r <= criteria.getLastRowNum(); r++) {
                units.add(text(criteria, r, 1).strip());
            }
            assertThat(units).contains("Ngọc Thiện", "Song Vân (đã sáp nhập vào Ngọc Thiện 01/07/2025)");
            assertThat(book.getSheet("Chỉ tiêu").getLastRowNum()).isGreaterThanOrEqualTo(4);
        }
        assertThat(download("/api/exports/matrix.csv?unit=" + h.bacNinh + "&asOf=2026-01-15").statusCode())
                .isEqualTo(200);
        assertThat(http().get("/api/exports/matrix.pdf").problemType()).isEqualTo("unknown-export-format");
    }

    private java.net.http.HttpResponse<byte[]> download(String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + service.port() + path))
                .header("Authorization", "Bearer " + vn.ntm.testing.TestIdentity.operatorToken()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(org.apache.poi.ss.usermodel.Sheet sheet, int row, int column) {
        var r = sheet.getRow(row);
        var c = r == null ? null : r.getCell(column);
        return c == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c);
    }

    @Test
    void everyJsonEndpointIsDescribedInOpenApi() {
        JsonNode paths = http().get("/v3/api-docs").json().path("paths");
        assertThat(paths.propertyNames()).contains("/api/units", "/api/units/{unitId}/history",
                "/api/units/{unitId}/versions", "/api/units/{unitId}/timeline", "/api/matrix", "/api/changes",
                "/api/progress", "/api/deadlines", "/api/recognitions", "/api/replay", "/api/replay/sources",
                "/api/replay/comparison", "/api/exports/matrix.{format}", "/api/exports/progress-report.{format}");
        List<String> matrixParameters = new ArrayList<>();
        paths.path("/api/matrix").path("get").path("parameters").forEach(p -> matrixParameters.add(p.path("name").asString()));
        assertThat(matrixParameters).contains("unit", "asOf", "knownAt", "criteriaSet", "indicators", "depth");
    }

    @Test
    void badInputIsAProblemInVietnamese() {
        JsonHttp.Response bad = http().get("/api/matrix?unit=not-a-uuid");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("title").asString()).isEqualTo("Mã đơn vị không hợp lệ");
        assertThat(http().get("/api/matrix?criteriaSet=NO-SUCH-SET").problemType()).isEqualTo("unknown-criteria-set");
        assertThat(http().get("/api/matrix?asOf=31-12-2024").status()).isEqualTo(400);
        assertThat(http().get("/api/units/" + java.util.UUID.randomUUID() + "/versions").status()).isEqualTo(404);
    }

    private JsonHttp http() {
        return service.http();
    }

    static List<String> names(JsonNode matrix) {
        List<String> names = new ArrayList<>();
        matrix.path("rows").forEach(r -> names.add(r.path("name").asString()));
        return names;
    }

    static JsonNode row(JsonNode matrix, String unitId) {
        for (JsonNode r : matrix.path("rows")) {
            if (r.path("unitId").asString().equals(unitId)) {
                return r;
            }
        }
        throw new AssertionError("no row for " + unitId + " in " + matrix);
    }

    /** One field of every element of an array, as text. */
    static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(e -> values.add(e.path(field).asString()));
        return values;
    }

    /** A row's criterion cell. */
    static JsonNode criterion(JsonNode row, String code) {
        for (JsonNode c : row.path("criteria")) {
            if (c.path("criterionCode").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no criterion " + code + " in " + row);
    }

    /** A row's indicator cell. */
    static JsonNode indicator(JsonNode row, String code) {
        for (JsonNode i : row.path("indicators")) {
            if (i.path("indicatorCode").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no indicator " + code + " in " + row);
    }

    static JsonNode level(JsonNode matrix, String level) {
        for (JsonNode c : matrix.path("counts")) {
            if (c.path("level").asString().equals(level)) {
                return c;
            }
        }
        throw new AssertionError("no count for " + level);
    }
}
