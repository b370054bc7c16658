package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.launcher.DemoLoader;
import vn.ntm.launcher.Platform;
import vn.ntm.testing.JsonHttp;

/**
 * The recognition flow across the three services: Hoàng Vân's model-village criteria all met in criteria-service →
 * village-service learns it from Kafka → recognition requested → public comment → survey → check → appraisal →
 * decision → the reward of Song Vân's Plan 30/KH-UBND granted; then the 1/7/2025 merger. Reporting shows the
 * recognition with its dates and Hoàng Vân under Song Vân in 2024 and under xã Ngọc Thiện, Bắc Ninh in 2026.
 */
class RecognitionFlowIT {

    /** Ids from demo/song-van.json. */
    private static final String SONG_VAN = "8565f27f-834a-541b-947f-d43167af318b";
    private static final String HOANG_VAN = "faefc014-499b-5560-bb61-3bd53cd93272";
    private static final String NGOC_THIEN = "598bc358-0b8c-556d-b77e-200638ed14af";
    /** A village set for this test only: the shipped Bắc Giang model-village set is a skeleton and cannot be assessed. */
    private static final String SET = "E2E-THON-KIEM-THU";
    /** Each step by the demo user whose role does it (demo/users.json): real tokens, signed in on the provider. */
    private static final String OFFICER = "can-bo-song-van";
    private static final String ADMIN = "quan-tri-bac-giang";
    /** Reads across the merger: the whole platform's analyst sees both provinces. */
    private static final String ANALYST = "quan-tri-he-thong";

    @Test
    void aModelVillageIsRecognisedRewardedAndFollowsItsCommuneThroughTheMerger() {
        Platform platform = RunningPlatform.get();
        DemoLoader loader = RunningPlatform.demo();
        loader.load(DemoLoader.SONG_VAN);
        JsonHttp.Response published = RunningPlatform.criteria("quan-tri-he-thong").post("/api/criteria-sets", testSet());
        assertThat(published.status()).as(published.toString()).isIn(201, 409);

        measure("1.1", 100);
        measure("2.1", 95);
        await().atMost(Duration.ofSeconds(60)).until(() -> RunningPlatform.village(OFFICER)
                .get("/api/units/" + HOANG_VAN + "/criteria-standing?criteriaSet=" + SET).json()
                .path("status").asString().equals("MET"));

        JsonHttp.Response requested = RunningPlatform.village(OFFICER).post("/api/units/" + HOANG_VAN + "/recognitions",
                Map.of("level", "MODEL", "criteriaSetCode", SET, "requestedOn", "2024-10-01",
                        "noOverdueConstructionDebt", true, "evidence", List.of("Báo cáo tự đánh giá (kiểm thử)")));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("recognitionId").asString();
        step(id, "PUBLIC_COMMENT", "2024-10-05", "UBND xã Song Vân");
        JsonHttp.Response survey = RunningPlatform.village(OFFICER).post("/api/recognitions/" + id + "/survey",
                Map.of("on", "2024-10-10", "by", "Ban công tác Mặt trận thôn Hoàng Vân", "passed", true,
                        "villages", List.of(Map.of("unitId", HOANG_VAN, "householdsSurveyed", 120,
                                "householdsSatisfied", 118))));
        assertThat(survey.status()).as(survey.toString()).isEqualTo(200);
        step(id, "HIGHER_LEVEL_CHECK", "2024-10-20", "UBND huyện Tân Yên");
        step(id, "APPRAISAL", "2024-10-25", "Hội đồng thẩm định (kiểm thử)");
        JsonHttp.Response decided = RunningPlatform.village(ADMIN).post("/api/recognitions/" + id + "/decision",
                Map.of("decisionNumber", "KT-01/QĐ-UBND (kiểm thử)", "decidedOn", "2024-11-01",
                        "authority", "Chủ tịch UBND huyện Tân Yên"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(decided.json().path("status").asString()).isEqualTo("DECIDED");

        loader.load(DemoLoader.MERGER_2025);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode recognition = recognitionIn(SONG_VAN, "2024-12-31", id);
            assertThat(recognition).as("the recognition in reporting").isNotNull();
            assertThat(recognition.path("decidedOn").asString()).isEqualTo("2024-11-01");
            assertThat(recognition.path("rewarded").decimalValue()).isEqualByComparingTo("10000000");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(pathOf(HOANG_VAN, "2024-12-31")).containsExactly("Bắc Giang", "Tân Yên", "Song Vân", "Hoàng Vân");
            assertThat(pathOf(HOANG_VAN, "2026-01-01")).containsExactly("Bắc Ninh", "Ngọc Thiện", "Hoàng Vân");
        });
        assertThat(recognitionIn(null, "2024-09-30", id)).as("not requested yet on 30/9/2024").isNull();

        // who may see it after the merger, with the demo users' real tokens (ADR 10)
        String before = "/api/recognitions?asOf=2024-12-31&unit=" + SONG_VAN;
        assertThat(RunningPlatform.reporting("can-bo-ngoc-thien").get(before).status())
                .as("xã Ngọc Thiện holds Song Vân's past").isEqualTo(200);
        assertThat(RunningPlatform.reporting("quan-tri-bac-giang").get("/api/units/" + NGOC_THIEN + "/timeline")
                .status()).as("Bắc Giang does not see a commune of Bắc Ninh").isEqualTo(403);
        assertThat(RunningPlatform.village("can-bo-song-van").post("/api/recognitions/" + id + "/steps",
                Map.of("step", "PUBLIC_COMMENT", "on", "2025-08-01", "by", "x", "passed", true)).status())
                .as("the merged commune's own account no longer writes").isEqualTo(403);
    }

    private static void measure(String indicator, int percent) {
        JsonHttp.Response response = RunningPlatform.criteria(OFFICER).post("/api/units/" + HOANG_VAN + "/measurements",
                Map.of("criteriaSet", SET, "indicatorCode", indicator, "value", percent, "validOn", "2024-09-15"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static void step(String id, String step, String on, String by) {
        String user = step.equals("PUBLIC_COMMENT") ? OFFICER : ADMIN;
        JsonHttp.Response response = RunningPlatform.village(user).post("/api/recognitions/" + id + "/steps",
                Map.of("step", step, "on", on, "by", by, "passed", true));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static JsonNode recognitionIn(String unit, String asOf, String id) {
        String query = "/api/recognitions?asOf=" + asOf + (unit == null ? "" : "&unit=" + unit);
        JsonHttp.Response response = RunningPlatform.reporting(ANALYST).get(query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("recognitions").spliterator(), false)
                .filter(r -> r.path("recognitionId").asString().equals(id)).findFirst().orElse(null);
    }

    private static List<String> pathOf(String unit, String asOf) {
        JsonNode node = MeasurementFlowIT.find(RunningPlatform.reporting(ANALYST).get("/api/units?asOf=" + asOf).json(),
                unit);
        assertThat(node).as(unit + " on " + asOf).isNotNull();
        return StreamSupport.stream(node.path("path").spliterator(), false).map(n -> n.path("name").asString())
                .toList();
    }

    private static Map<String, Object> testSet() {
        return Map.of("code", SET, "version", 1, "titleVi", "Bộ tiêu chí thôn kiểu mẫu dùng cho kiểm thử tự động",
                "level", "VILLAGE", "scope", "PROVINCIAL", "legalBasis", "Chỉ dùng cho kiểm thử, không phải văn bản pháp luật",
                "effectiveFrom", "2024-01-01",
                "criteria", List.of(
                        criterion("1", "Tiêu chí kiểm thử 1", "1.1"),
                        criterion("2", "Tiêu chí kiểm thử 2", "2.1")));
    }

    private static Map<String, Object> criterion(String code, String name, String indicator) {
        return Map.of("code", code, "nameVi", name, "indicators", List.of(Map.of("code", indicator,
                "nameVi", "Chỉ tiêu kiểm thử " + indicator, "kind", "RATE", "comparator", "GE",
                "thresholds", List.of(Map.of("value", 90, "verified", false, "source", "kiểm thử")))));
    }
}
