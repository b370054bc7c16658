package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/** village-service on real PostgreSQL and a real (embedded KRaft) Kafka broker. */
@ServiceIntegrationTest
class VillageServiceIT extends UnitsThroughTheApi {

    VillageServiceIT(ServiceUnderTest service) {
        super(service);
    }

    @Test
    void registeredUnitsAreStoredAsReadableJsonAndPublishedKeyedByUnit() {
        String province = register(Map.of("level", "PROVINCE", "name", "Bắc Giang", "validFrom", "1997-01-01",
                "region", "TDMNPB"));
        String district = register(Map.of("level", "DISTRICT", "name", "Tân Yên", "parentId", province,
                "validFrom", "1997-01-01"));
        String commune = register(Map.of("level", "COMMUNE", "name", "Song Vân", "parentId", district,
                "validFrom", "1997-01-01"));

        List<String> stored = service.jdbc().queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry order by global_index", String.class);
        assertThat(stored).hasSize(3);
        JsonNode songVan = JsonHttp.parse(stored.get(2));
        assertThat(songVan.path("name").asString()).isEqualTo("Song Vân");
        assertThat(songVan.path("actor").path("subject").asString()).isEqualTo("kiem-thu");
        assertThat(songVan.path("validFrom").asString()).isEqualTo("1997-01-01");
        assertThat(service.jdbc().queryForList("select global_index from domain_event_entry order by 1", Long.class))
                .as("the global index has no gaps").containsExactly(1L, 2L, 3L);

        List<ConsumerRecord<String, String>> published = KafkaTopics.read(service.brokers(), "ntm.units", 3,
                Duration.ofSeconds(30));
        assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(province, district, commune);
        JsonNode event = published.stream().filter(r -> r.key().equals(commune)).map(r -> JsonHttp.parse(r.value()))
                .findFirst().orElseThrow();
        assertThat(event.path("eventType").asString()).isEqualTo("UnitRegistered");
        assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.path("validOn").asString()).isEqualTo("1997-01-01");
        assertThat(event.path("recordedAt").asString()).isNotBlank();
        assertThat(event.path("actor").path("role").asString())
                .as("the role the endpoint let the caller act in").isEqualTo("provincial-admin");
        assertThat(event.path("actor").path("scope").asString()).isEqualTo("*");
        assertThat(event.path("unitPath")).extracting(n -> n.path("name").asString())
                .containsExactly("Bắc Giang", "Tân Yên", "Song Vân");
        assertThat(event.path("payload").path("parentId").asString()).isEqualTo(district);
    }

    @Test
    void aRefusedRegistrationExplainsItselfInVietnameseAndRecordsNothing() {
        long before = storedEvents();
        JsonHttp.Response response = http().post("/api/units", Map.of("level", "VILLAGE", "name", "Tân Lập",
                "parentId", "7d3c1f9e-0000-4000-8000-000000000000", "validFrom", "2024-01-01"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.headers().get("content-type")).anyMatch(v -> v.startsWith("application/problem+json"));
        assertThat(response.problemType()).isEqualTo("unknown-parent");
        assertThat(response.json().path("field").asString()).isEqualTo("parentId");
        assertThat(response.json().path("detail").asString()).contains("Không có đơn vị nào");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void problemsAreInEnglishWhenAskedFor() {
        JsonHttp.Response response = http().with("Accept-Language", "en")
                .post("/api/units", Map.of("level", "COMMUNE", "name", "", "validFrom", "2024-01-01"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("invalid-request");
        assertThat(response.json().path("detail").asString()).contains("name").contains("required");
    }

    @Test
    void aSecondRegistrationWithTheSameIdIsAConflictAndRecordsNothing() {
        String id = "5b0e8a52-1d7e-4c55-9d47-3a1c6f1d2e01";
        register(Map.of("id", id, "level", "PROVINCE", "name", "Bắc Ninh", "validFrom", "1997-01-01"));
        long before = storedEvents();
        JsonHttp.Response again = http().post("/api/units",
                Map.of("id", id, "level", "PROVINCE", "name", "Bắc Ninh", "validFrom", "1997-01-01"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("unit-already-registered");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void brokenJsonIsABadRequest() {
        JsonHttp.Response response = http().post("/api/units", "{\"level\": \"COMMUNE\", ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("unreadable-request");
    }
}
