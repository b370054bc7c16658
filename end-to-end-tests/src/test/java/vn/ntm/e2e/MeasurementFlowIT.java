package vn.ntm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.launcher.DemoLoader;
import vn.ntm.launcher.Platform;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;

/**
 * The road a fact travels, across all three services: units registered in village-service reach criteria-service
 * over Kafka; a measurement recorded there changes a status; reporting-service shows it. Redelivery changes nothing.
 */
class MeasurementFlowIT {

    /** Song Vân's id in demo/song-van.json. */
    private static final String SONG_VAN = "8565f27f-834a-541b-947f-d43167af318b";
    private static final String SET = "VN-XA-NTMNC-2021-2025";

    @Test
    void aMeasurementForARegisteredCommuneChangesItsStatusInTheReportAndRedeliveryChangesNothing() {
        Platform platform = RunningPlatform.get();
        DemoLoader.Summary first = RunningPlatform.demo().load(DemoLoader.SONG_VAN);
        assertThat(first.created() + first.alreadyPresent()).as("every demo step answered").isPositive();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(statusesOfSongVan()).containsExactly("4.2=MET"));
        assertThat(RunningPlatform.demo().load(DemoLoader.SONG_VAN).created())
                .as("loading the demo twice adds nothing").isZero();

        JsonHttp.Response assessed = RunningPlatform.criteria().post("/api/units/" + SONG_VAN + "/measurements",
                Map.of("criteriaSet", SET, "indicatorCode", "4.1", "passed", true, "validOn", "2024-03-05",
                        "evidence", Map.of("document", "biên bản kiểm thử", "office", "Sở Công Thương (kiểm thử)")));
        assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(criteriaOfSongVan()).as("criterion 4 (electricity) is met").containsEntry("4", "MET"));

        JsonHttp.Response lapse = RunningPlatform.criteria().post("/api/units/" + SONG_VAN + "/measurements", Map.of(
                "criteriaSet", SET, "indicatorCode", "4.2", "numerator", 1900, "denominator", 2150,
                "validOn", "2024-09-30", "evidence", Map.of("note", "kiểm tra cuối quý III")));
        assertThat(lapse.status()).as(lapse.toString()).isEqualTo(201);
        assertThat(lapse.json().path("indicator").path("status").asString()).isEqualTo("NOT_MET");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(statusesOfSongVan()).containsExactly("4.1=MET", "4.2=NOT_MET");
            assertThat(criteriaOfSongVan()).as("the criterion lapses with its indicator").containsEntry("4", "NOT_MET");
        });

        ConsumerRecord<String, String> firstChange = KafkaTopics.read(platform.kafka().bootstrapServers(),
                        "ntm.criteria", 1, Duration.ofSeconds(30)).stream()
                .filter(r -> SONG_VAN.equals(r.key()) && r.value().contains("\"IndicatorStatusChanged\""))
                .findFirst().orElseThrow();
        KafkaTopics.send(platform.kafka().bootstrapServers(), "ntm.criteria", firstChange.key(), firstChange.value());
        JsonHttp.Response recovered = RunningPlatform.criteria().post("/api/units/" + SONG_VAN + "/measurements",
                Map.of("criteriaSet", SET, "indicatorCode", "4.2", "numerator", 2150, "denominator", 2150,
                        "validOn", "2024-12-31"));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(statusesOfSongVan()).containsExactly("4.1=MET", "4.2=MET"));
        List<JsonNode> history = StreamSupport.stream(RunningPlatform.reporting()
                .get("/api/units/" + SONG_VAN + "/history").json().spliterator(), false).toList();
        assertThat(history).extracting(h -> h.path("status").asString())
                .as("the redelivered first change was applied once").containsExactly("MET", "MET", "NOT_MET", "MET");
        assertThat(history).extracting(h -> h.path("indicatorCode").asString() + "@" + h.path("validOn").asString())
                .containsExactly("4.2@2024-03-05", "4.1@2024-03-05", "4.2@2024-09-30", "4.2@2024-12-31");
        assertThat(history.get(2).path("actorSubject").asString()).as("who recorded it, from the token")
                .isEqualTo(RunningPlatform.OPERATOR);
        assertThat(history.get(0).path("actorSubject").asString()).as("the demo's measurement, by its officer")
                .isEqualTo("can-bo-song-van");
    }

    private static List<String> statusesOfSongVan() {
        JsonNode songVan = find(RunningPlatform.reporting().get("/api/units?asOf=2024-12-31").json(), SONG_VAN);
        assertThat(songVan).as("Song Vân in the report").isNotNull();
        return StreamSupport.stream(songVan.path("statuses").spliterator(), false)
                .map(s -> s.path("indicatorCode").asString() + "=" + s.path("status").asString()).toList();
    }

    private static Map<String, String> criteriaOfSongVan() {
        JsonNode songVan = find(RunningPlatform.reporting().get("/api/units?asOf=2024-12-31").json(), SONG_VAN);
        assertThat(songVan).as("Song Vân in the report").isNotNull();
        Map<String, String> criteria = new java.util.TreeMap<>();
        songVan.path("rollups").forEach(r -> {
            if (!r.path("criterionCode").isNull() && r.path("criteriaSet").asString().equals(SET)) {
                criteria.put(r.path("criterionCode").asString(), r.path("status").asString());
            }
        });
        return criteria;
    }

    static JsonNode find(JsonNode nodes, String id) {
        for (JsonNode node : nodes) {
            if (id.equals(node.path("id").asString())) {
                return node;
            }
            JsonNode inChildren = find(node.path("children"), id);
            if (inChildren != null) {
                return inChildren;
            }
        }
        return null;
    }
}
