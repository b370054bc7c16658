package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * The 1/7/2025 merger through the public API on real PostgreSQL and Kafka: Song Vân and four neighbours become xã
 * Ngọc Thiện in Bắc Ninh, villages follow, the district ends; the tree answers for any date.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ntm.test.suite=hierarchy")
@DirtiesContext
class HierarchyIT extends UnitsThroughTheApi {

    private static final String BASIS = "Nghị quyết 1658/NQ-UBTVQH15 ngày 16/6/2025";

    String bacGiang;
    String tanYen;
    String songVan;
    String hoangVan;
    String ngocChau;
    String bacNinh;
    String ngocThien;

    HierarchyIT(ServiceUnderTest service) {
        super(service);
    }

    @BeforeEach
    void the2024Tree() {
        String suffix = " " + java.util.UUID.randomUUID().toString().substring(0, 6);
        bacGiang = register(Map.of("level", "PROVINCE", "name", "Bắc Giang" + suffix, "validFrom", "2024-03-05",
                "region", "TDMNPB"));
        tanYen = register(Map.of("level", "DISTRICT", "name", "Tân Yên", "parentId", bacGiang,
                "validFrom", "2024-03-05"));
        songVan = register(Map.of("level", "COMMUNE", "name", "Song Vân", "parentId", tanYen,
                "validFrom", "2024-03-05"));
        hoangVan = register(Map.of("level", "VILLAGE", "name", "Hoàng Vân", "parentId", songVan,
                "validFrom", "2024-03-05"));
        ngocChau = register(Map.of("level", "COMMUNE", "name", "Ngọc Châu", "parentId", tanYen,
                "validFrom", "2024-03-05"));
        bacNinh = register(Map.of("level", "PROVINCE", "name", "Bắc Ninh" + suffix, "validFrom", "2025-07-01"));
        ngocThien = register(Map.of("level", "COMMUNE", "name", "Ngọc Thiện", "parentId", bacNinh,
                "validFrom", "2025-07-01", "legalBasis", BASIS));
    }

    @Test
    void theMergerMovesVillagesEndsTheSourcesAndTheTreeAnswersForAnyDate() {
        JsonHttp.Response merged = http().post("/api/mergers", Map.of("sourceIds", List.of(songVan, ngocChau),
                "successorId", ngocThien, "validFrom", "2025-07-01", "legalBasis", BASIS));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(merged.json().path("predecessorIds")).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder(songVan, ngocChau);
        JsonHttp.Response dissolved = http().post("/api/units/" + tanYen + "/dissolution",
                Map.of("validFrom", "2025-07-01", "legalBasis", "Bãi bỏ cấp huyện từ 01/7/2025"));
        assertThat(dissolved.status()).as(dissolved.toString()).isEqualTo(200);
        JsonHttp.Response provinceMerged = http().post("/api/mergers", Map.of("sourceIds", List.of(bacGiang),
                "successorId", bacNinh, "validFrom", "2025-07-01", "legalBasis", "Sáp nhập tỉnh"));
        assertThat(provinceMerged.status()).as(provinceMerged.toString()).isEqualTo(200);

        assertThat(pathOf(hoangVan, "2024-06-01")).containsExactly(name(bacGiang), "Tân Yên", "Song Vân", "Hoàng Vân");
        assertThat(pathOf(hoangVan, "2026-01-01")).containsExactly(name(bacNinh), "Ngọc Thiện", "Hoàng Vân");
        assertThat(pathOf(hoangVan, "2025-06-30")).containsExactly(name(bacGiang), "Tân Yên", "Song Vân", "Hoàng Vân");

        List<String> tree2024 = namesOn("2024-06-01");
        assertThat(tree2024).contains("Tân Yên", "Song Vân", "Ngọc Châu", "Hoàng Vân").doesNotContain("Ngọc Thiện");
        List<String> tree2026 = namesOn("2026-01-01");
        assertThat(tree2026).contains("Ngọc Thiện", "Hoàng Vân")
                .doesNotContain("Tân Yên", "Song Vân", "Ngọc Châu", name(bacGiang));

        JsonHttp.Response songVanLater = http().get("/api/units/" + songVan);
        assertThat(songVanLater.json().path("endedOn").asString()).isEqualTo("2025-07-01");
        assertThat(songVanLater.json().path("endReason").asString()).isEqualTo("MERGED");
        assertThat(songVanLater.json().path("successorIds")).extracting(JsonNode::asString).containsExactly(ngocThien);
        assertThat(http().get("/api/units/" + songVan + "?on=2026-01-01").status()).isEqualTo(404);
        assertThat(http().get("/api/units/" + ngocThien + "?on=2026-01-01").json().path("children"))
                .extracting(n -> n.path("name").asString()).containsExactly("Hoàng Vân");

        JsonNode versions = http().get("/api/units/" + hoangVan + "/versions").json();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("validTo").asString()).isEqualTo("2025-07-01");
        assertThat(versions.get(1).path("parentId").asString()).isEqualTo(ngocThien);
        assertThat(versions.get(1).path("legalBasis").asString()).isEqualTo(BASIS);

        List<JsonNode> published = KafkaTopics.read(service.brokers(), "ntm.units", (int) storedEvents(),
                Duration.ofSeconds(30))
                .stream().filter(r -> List.of(hoangVan, songVan, tanYen).contains(r.key()))
                .map(ConsumerRecord::value).map(JsonHttp::parse).toList();
        assertThat(published).extracting(n -> n.path("eventType").asString())
                .contains("UnitMoved", "UnitEnded");
        JsonNode moved = published.stream().filter(n -> n.path("eventType").asString().equals("UnitMoved"))
                .findFirst().orElseThrow();
        assertThat(moved.path("validOn").asString()).isEqualTo("2025-07-01");
        assertThat(moved.path("payload").path("previousParentId").asString()).isEqualTo(songVan);
        assertThat(StreamSupport.stream(moved.path("unitPath").spliterator(), false).map(n -> n.path("name").asString()))
                .containsExactly(name(bacNinh), "Ngọc Thiện", "Hoàng Vân");
    }

    @Test
    void refusedChangesExplainThemselvesAndRecordNothing() {
        long before = storedEvents();
        assertRefused(http().post("/api/mergers", Map.of("sourceIds", List.of(songVan), "successorId", ngocThien,
                "validFrom", "2025-06-01", "legalBasis", BASIS)), 422, "unit-not-in-force");
        assertRefused(http().post("/api/units/" + tanYen + "/dissolution",
                Map.of("validFrom", "2025-07-01", "legalBasis", BASIS)), 409, "unit-still-has-units");
        assertRefused(http().post("/api/units/" + songVan + "/moves",
                Map.of("parentId", hoangVan, "validFrom", "2025-01-01", "legalBasis", BASIS)), 400, "cycle-in-tree");
        assertRefused(http().post("/api/units/" + songVan + "/renames",
                Map.of("name", "Song Vân Mới", "validFrom", "2024-03-05", "legalBasis", BASIS)), 409,
                "overlapping-period");
        assertRefused(http().post("/api/mergers", Map.of("sourceIds", List.of(hoangVan), "successorId", ngocThien,
                "validFrom", "2025-07-01", "legalBasis", BASIS)), 400, "merge-across-levels");
        assertRefused(http().post("/api/units/" + songVan + "/renames",
                Map.of("name", "Song Vân Mới", "validFrom", "2025-01-01")), 400, "invalid-request");
        assertThat(storedEvents()).isEqualTo(before);

        JsonHttp.Response rename = http().post("/api/units/" + songVan + "/renames",
                Map.of("name", "Song Vân Mới", "validFrom", "2025-01-01", "legalBasis", BASIS));
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(pathOf(hoangVan, "2024-12-31")).contains("Song Vân");
        assertThat(pathOf(hoangVan, "2025-01-01")).contains("Song Vân Mới");
    }

    @Test
    void aSplitGivesEachVillageToOneSuccessor() {
        String tanLap = register(Map.of("level", "VILLAGE", "name", "Tân Lập", "parentId", songVan,
                "validFrom", "2024-03-05"));
        String east = register(Map.of("level", "COMMUNE", "name", "Xã kế thừa A", "parentId", tanYen,
                "validFrom", "2025-01-01"));
        String west = register(Map.of("level", "COMMUNE", "name", "Xã kế thừa B", "parentId", tanYen,
                "validFrom", "2025-01-01"));
        assertRefused(http().post("/api/splits", Map.of("sourceId", songVan, "validFrom", "2025-01-01",
                "legalBasis", "Nghị quyết kiểm thử", "shares", List.of(Map.of("successorId", east,
                        "unitIds", List.of(hoangVan)), Map.of("successorId", west, "unitIds", List.of())))),
                400, "split-leaves-units-behind");

        JsonHttp.Response split = http().post("/api/splits", Map.of("sourceId", songVan, "validFrom", "2025-01-01",
                "legalBasis", "Nghị quyết kiểm thử", "shares", List.of(
                        Map.of("successorId", east, "unitIds", List.of(hoangVan)),
                        Map.of("successorId", west, "unitIds", List.of(tanLap)))));
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        assertThat(pathOf(hoangVan, "2025-01-01")).contains("Xã kế thừa A");
        assertThat(pathOf(tanLap, "2025-01-01")).contains("Xã kế thừa B");
        assertThat(http().get("/api/units/" + songVan).json().path("endReason").asString()).isEqualTo("SPLIT");
    }

    private void assertRefused(JsonHttp.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.problemType()).as(response.toString()).isEqualTo(type);
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }

    private List<String> pathOf(String unit, String on) {
        JsonHttp.Response response = http().get("/api/units/" + unit + "?on=" + on);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().path("path").spliterator(), false)
                .map(n -> n.path("name").asString()).toList();
    }

    private List<String> namesOn(String on) {
        return StreamSupport.stream(http().get("/api/units?on=" + on).json().spliterator(), false)
                .map(n -> n.path("name").asString()).toList();
    }

    private String name(String id) {
        return http().get("/api/units/" + id).json().path("name").asString();
    }
}
