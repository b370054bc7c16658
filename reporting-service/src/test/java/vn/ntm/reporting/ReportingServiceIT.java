package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/** reporting-service folding real Kafka deliveries into read models on real PostgreSQL. */
@ServiceIntegrationTest
class ReportingServiceIT {

    private static final Actor OFFICER = new Actor("can-bo@songvan", "commune-officer", null);

    private final ServiceUnderTest service;

    ReportingServiceIT(ServiceUnderTest service) {
        this.service = service;
    }

    @Test
    void showsTheUnitTreeWithStatusesAndIgnoresARedeliveredEvent() {
        String province = UUID.randomUUID().toString();
        String commune = UUID.randomUUID().toString();
        UnitRef provinceRef = new UnitRef(province, "PROVINCE", "Bắc Giang");
        List<UnitRef> communePath = List.of(provinceRef, new UnitRef(commune, "COMMUNE", "Song Vân"));
        send("ntm.units", envelope(province, List.of(provinceRef), new UnitRegistered("PROVINCE", "Bắc Giang", null,
                LocalDate.of(1997, 1, 1), "TDMNPB", null, null, null)));
        send("ntm.units", envelope(commune, communePath, new UnitRegistered("COMMUNE", "Song Vân", province,
                LocalDate.of(1997, 1, 1), null, null, null, null)));
        send("ntm.criteria", envelope(null, List.of(), new CriteriaSetPublished("TEST-SET", "TEST-SET", 1,
                "Bộ tiêu chí thử", "Test set", "COMMUNE", "test", LocalDate.of(2022, 3, 8), null,
                List.of(new CriteriaSetPublished.Criterion("4", "Điện", "Electricity", List.of(
                        new CriteriaSetPublished.Indicator("4.2", "Tỷ lệ hộ sử dụng điện an toàn", "Safe power",
                                "RATE", "GE", "%", List.of())))), false)));
        // the commune's first measurement: the indicator met from 2024-03-05, its criterion and the set unknown from
        // the set's start until then and met from then on, as criteria-service publishes them
        String measurement = UUID.randomUUID().toString();
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, "4.2",
                LocalDate.of(2024, 3, 5));
        LocalDate setStart = LocalDate.of(2022, 3, 8);
        Envelope<IndicatorStatusChanged> met = envelope(commune, communePath, new IndicatorStatusChanged("TEST-SET",
                "4", "4.2", "MET", null, new BigDecimal("100"), "GE", new BigDecimal("98"), "%", true, "test",
                measurement, 1, cause));
        send("ntm.criteria", met);
        send("ntm.criteria", "truncated-json-" + commune, "{\"eventId\": \"not-a-uuid\", \"eventType\": \"Unit");
        send("ntm.criteria", met);
        send("ntm.criteria", envelope(commune, communePath, setStart, new CriterionStatusChanged("TEST-SET", "4",
                "UNKNOWN", met.validOn(), 1, cause)));
        send("ntm.criteria", envelope(commune, communePath, new CriterionStatusChanged("TEST-SET", "4", "MET", null, 1,
                cause)));
        send("ntm.criteria", envelope(commune, communePath, setStart, new CriteriaSetStatusChanged("TEST-SET",
                "UNKNOWN", met.validOn(), 0, 1, List.of(), 1, cause)));
        send("ntm.criteria", envelope(commune, communePath, new CriteriaSetStatusChanged("TEST-SET", "MET", null, 1,
                1, List.of(), 1, cause)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode tree = http().get("/api/units").json();
            JsonNode songVan = tree.path(0).path("children").path(0);
            assertThat(songVan.path("name").asString()).isEqualTo("Song Vân");
            assertThat(songVan.path("statuses").path(0).path("status").asString()).isEqualTo("MET");
            assertThat(songVan.path("statuses").path(0).path("indicatorName").asString())
                    .isEqualTo("Tỷ lệ hộ sử dụng điện an toàn");
            assertThat(songVan.path("summary").path("met").asInt()).isEqualTo(1);
            assertThat(songVan.path("rollups").path(0).path("criterionCode").asString()).isEqualTo("4");
            assertThat(songVan.path("rollups").path(0).path("status").asString()).isEqualTo("MET");
            assertThat(songVan.path("rollups").path(1).path("criteriaMet").asInt()).as("the set").isEqualTo(1);
        });
        assertThat(service.jdbc().queryForObject("select count(*) from status_history where unit_id = ?::uuid",
                Long.class,
                commune)).as("the redelivered event changed nothing").isEqualTo(1);
        JsonNode history = http().get("/api/units/" + commune + "/history").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).path("actorSubject").asString()).isEqualTo("can-bo@songvan");
        assertThat(history.get(0).path("validOn").asString()).isEqualTo(met.validOn().toString());
        assertThat(history.get(0).path("validUntil").isNull()).as("open-ended").isTrue();
        assertThat(history.get(0).path("causeKind").asString()).isEqualTo("MEASUREMENT_RECORDED");
        assertThat(history.get(0).path("governingMeasurementId").asString()).isEqualTo(measurement);
        assertThat(KafkaTopics.read(service.brokers(), "ntm.criteria.dlq.reporting", 1, Duration.ofSeconds(30)))
                .as("the truncated message went to the dead-letter topic").hasSize(1);

        JsonNode deadLetters = http().get("/api/dead-letters").json();
        assertThat(deadLetters).hasSize(1);
        JsonNode letter = deadLetters.get(0);
        assertThat(letter.path("originalTopic").asString()).isEqualTo("ntm.criteria");
        assertThat(letter.path("exceptionMessage").asString()).contains("not a readable integration event");
        assertThat(letter.path("key").asString()).isEqualTo("truncated-json-" + commune);
        String where = "/api/dead-letters/" + letter.path("topic").asString() + "/" + letter.path("partition").asInt()
                + "/" + letter.path("offset").asLong();
        assertThat(http().post(where + "/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(http().get("/api/dead-letters").json())
                .as("replayed, it failed again and is back, nothing else changed").hasSize(2));
        assertThat(service.jdbc().queryForObject("select count(*) from status_history where unit_id = ?::uuid",
                Long.class,
                commune)).isEqualTo(1);
        assertThat(http().post("/api/dead-letters/ntm.criteria.dlq.reporting/0/999/replay", "").status())
                .isEqualTo(404);
    }

    @Test
    void anOpenDashboardHearsOfAChangeWithinSecondsAndTheFeedIsOnKafka() throws Exception {
        String unit = UUID.randomUUID().toString();
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl() + "/api/feed"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + vn.ntm.testing.TestIdentity.operatorToken()).build();
        var response = client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread listener = new Thread(() -> response.body().forEach(heard::add), "sse-listener");
        listener.setDaemon(true);
        listener.start();

        String measurement = UUID.randomUUID().toString();
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, measurement, "4.2",
                LocalDate.of(2024, 3, 5));
        List<UnitRef> path = List.of(new UnitRef(unit, "COMMUNE", "Xã kiểm thử trực tiếp"));
        send("ntm.criteria", envelope(unit, path, new IndicatorStatusChanged("TEST-SET", "4", "4.2", "NOT_MET", null,
                new BigDecimal("90"), "GE", new BigDecimal("98"), "%", true, "test", measurement, 1, cause)));
        send("ntm.criteria", envelope(unit, path, new CriterionStatusChanged("TEST-SET", "4", "NOT_MET", null, 1,
                cause)));
        send("ntm.criteria", envelope(unit, path, new CriteriaSetStatusChanged("TEST-SET", "NOT_MET", null, 0, 1,
                List.of("4"), 1, cause)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(heard)
                .anyMatch(line -> line.startsWith("data:") && line.contains(unit) && line.contains("NOT_MET")));
        JsonNode update = JsonHttp.parse(heard.stream().filter(l -> l.startsWith("data:") && l.contains(unit))
                .findFirst().orElseThrow().substring(5));
        assertThat(update.path("eventType").asString()).isEqualTo("DashboardUpdate");
        assertThat(update.path("payload").path("kind").asString()).isEqualTo("INDICATOR");
        assertThat(update.path("payload").path("unitName").asString()).isEqualTo("Xã kiểm thử trực tiếp");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                KafkaTopics.read(service.brokers(), "ntm.dashboard", Integer.MAX_VALUE, Duration.ofSeconds(2)))
                .anyMatch(r -> unit.equals(r.key()) && r.value().contains("\"DashboardUpdate\"")));
        response.body().close();
    }

    private JsonHttp http() {
        return service.http();
    }

    private static <P extends IntegrationPayload> Envelope<P> envelope(String unitId, List<UnitRef> path, P payload) {
        return envelope(unitId, path, LocalDate.of(2024, 3, 5), payload);
    }

    private static <P extends IntegrationPayload> Envelope<P> envelope(String unitId, List<UnitRef> path,
                                                                       LocalDate validOn, P payload) {
        return Envelope.of(UUID.randomUUID(), validOn, Instant.now(), OFFICER, unitId, path, payload);
    }

    private void send(String topic, Envelope<?> envelope) {
        send(topic, envelope.key(), new String(service.codec().encode(envelope), StandardCharsets.UTF_8));
    }

    private void send(String topic, String key, String value) {
        KafkaTopics.send(service.brokers(), topic, key, value);
    }
}
