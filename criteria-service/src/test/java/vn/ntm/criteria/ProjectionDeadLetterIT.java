package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * Axon's dead-letter queue on real PostgreSQL: when the assessment log (a projection) fails on an event, the
 * officer's measurement is still accepted, stored and published; the event and the rest of its assessment's events are
 * parked in {@code dead_letter_entry}, shown by {@code /api/dead-letters/event-handlers}, and handled in order once
 * the cause is gone.
 */
@ServiceIntegrationTest
class ProjectionDeadLetterIT {

    private static final String SET = "VN-XA-NTMNC-2021-2025";
    private static final String LETTERS = "/api/dead-letters/event-handlers";

    private final ServiceUnderTest service;

    ProjectionDeadLetterIT(ServiceUnderTest service) {
        this.service = service;
    }

    @AfterEach
    void databaseRefusesNothingAnyMore() {
        service.jdbc().execute("alter table assessment_log drop constraint if exists refuse_for_test");
    }

    @Test
    void aFailingProjectionParksTheEventInsteadOfRefusingTheMeasurementAndAReplayCatchesUp() {
        String commune = knownCommune();
        String first = measure(commune, "2024-03-05", "kiểm tra quý I");
        // A real PostgreSQL failure inside the projection, for one note only: the database refuses that row.
        service.jdbc().execute("alter table assessment_log add constraint refuse_for_test"
                + " check (evidence_note is distinct from 'hỏng')");

        String parked = measure(commune, "2024-06-30", "hỏng");
        String after = measure(commune, "2024-09-30", "kiểm tra quý III");

        assertThat(service.jdbc().queryForObject("select count(*) from domain_event_entry where payload_type like"
                + " '%MeasurementRecorded' and aggregate_identifier like ?", Long.class, commune + "/%"))
                .as("all three measurements are in the event store").isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaTopics.read(service.brokers(), "ntm.criteria", Integer.MAX_VALUE, Duration.ofSeconds(2)))
                .filteredOn(r -> commune.equals(r.key()) && r.value().contains("\"MeasurementRecorded\""))
                .as("and on their way to the other services").hasSize(3));
        assertThat(loggedMeasurements(commune)).as("the projection has only what came before the failure")
                .containsExactly(first);

        JsonNode letters = http().get(LETTERS).json();
        assertThat(letters).as(letters.toString()).hasSizeGreaterThanOrEqualTo(2);
        JsonNode head = letters.get(0);
        assertThat(head.path("processingGroup").asString()).isEqualTo("assessment-log");
        assertThat(head.path("eventType").asString()).isEqualTo("MeasurementRecorded");
        assertThat(head.path("payload").path("measurementId").asString()).isEqualTo(parked);
        assertThat(head.path("causeMessage").asString()).contains("refuse_for_test");
        assertThat(head.path("sequence").asString()).startsWith(commune);
        assertThat(letters).extracting(l -> l.path("sequence").asString()).as("one sequence: the assessment")
                .containsOnly(head.path("sequence").asString());
        String where = LETTERS + "/assessment-log/" + head.path("id").asString();
        assertThat(http().get(where).json().path("eventId").asString()).isEqualTo(head.path("eventId").asString());
        JsonHttp.Response missing = http().get(LETTERS + "/assessment-log/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo("dead-letter-not-found");

        JsonHttp.Response stillBroken = http().post(where + "/replay", "");
        assertThat(stillBroken.status()).as(stillBroken.toString()).isEqualTo(202);
        assertThat(stillBroken.json().path("handled").asBoolean()).isFalse();
        assertThat(stillBroken.json().path("stillParked").asLong()).isEqualTo(letters.size());

        databaseRefusesNothingAnyMore();
        JsonHttp.Response replayed = http().post(where + "/replay", "");
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(202);
        assertThat(replayed.json().path("handled").asBoolean()).isTrue();
        assertThat(replayed.json().path("stillParked").asLong()).isZero();
        assertThat(http().get(LETTERS).json()).isEmpty();
        assertThat(loggedMeasurements(commune)).as("caught up, in the order the events happened")
                .containsExactly(first, parked, after);
        JsonNode standing = http().get("/api/units/" + commune + "/standing?criteriaSet=" + SET).json();
        assertThat(standing.toString()).contains(after);
    }

    private List<String> loggedMeasurements(String commune) {
        return service.jdbc().queryForList("select measurement_id::text from assessment_log where unit_id = ?::uuid"
                + " and kind = 'MEASUREMENT_RECORDED' order by recorded_at", String.class, commune);
    }

    private String measure(String commune, String validOn, String note) {
        JsonHttp.Response response = http().post("/api/units/" + commune + "/measurements", Map.of(
                "criteriaSet", SET, "indicatorCode", "4.2", "numerator", 2100, "denominator", 2150,
                "validOn", validOn, "evidence", Map.of("note", note)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("measurementId").asString();
    }

    private String knownCommune() {
        String commune = new VillageServiceEvents(service.brokers(), service.codec()).communeArrives(http());
        if (http().get("/api/criteria-sets/" + SET).status() == 404) { // the context (and database) may be shared
            JsonHttp.Response loaded = http().post("/api/criteria-sets/shipped/" + SET, "");
            assertThat(loaded.status()).as(loaded.toString()).isEqualTo(201);
        }
        return commune;
    }

    private JsonHttp http() {
        return service.http();
    }
}
