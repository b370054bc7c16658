package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * Poison messages on a real broker: an unknown event type, an unsupported schema version and truncated JSON go to the
 * dead-letter topic at once — no retry can fix them — and the good message queued behind them on the same partition
 * is handled within seconds.
 */
@ServiceIntegrationTest
class PoisonMessageIT {

    /** Four retries with back-off take 7.5 s per message; three poisons retried would hold the partition 22 s. */
    private static final Duration WELL_BELOW_THE_RETRY_BUDGET = Duration.ofSeconds(15);

    private final ServiceUnderTest service;

    PoisonMessageIT(ServiceUnderTest service) {
        this.service = service;
    }

    @Test
    void poisonGoesStraightToTheDeadLetterTopicAndDoesNotStopThePartition() {
        String province = UUID.randomUUID().toString();
        Envelope<UnitRegistered> good = Envelope.of(UUID.randomUUID(), LocalDate.of(1997, 1, 1), Instant.now(),
                new Actor("admin@bacgiang", "provincial-admin", null), province,
                List.of(new UnitRef(province, "PROVINCE", "Bắc Giang")),
                new UnitRegistered("PROVINCE", "Bắc Giang", null, LocalDate.of(1997, 1, 1), "TDMNPB", null, null,
                        null));
        String json = new String(service.codec().encode(good), StandardCharsets.UTF_8);
        List<String> poisons = List.of(
                json.replace("\"UnitRegistered\"", "\"UnitTeleported\""),
                json.replace("\"schemaVersion\":1", "\"schemaVersion\":7"),
                json.substring(0, json.length() / 2));

        Instant sent = Instant.now();
        // Same key, so same partition: the good message waits behind the three poisons.
        poisons.forEach(poison -> KafkaTopics.send(service.brokers(), "ntm.units", province, poison));
        KafkaTopics.send(service.brokers(), "ntm.units", province, json);

        await().atMost(WELL_BELOW_THE_RETRY_BUDGET)
                .until(() -> http().get("/api/units/" + province).status() == 200);
        System.out.printf("[poison] the good message behind three poisons was handled %d ms after they were sent%n",
                Duration.between(sent, Instant.now()).toMillis());

        JsonNode letters = http().get("/api/dead-letters").json();
        assertThat(letters).hasSize(3);
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.path("originalTopic").asString()).isEqualTo("ntm.units");
            assertThat(letter.path("key").asString()).isEqualTo(province);
        });
        assertThat(letters).extracting(l -> l.path("exceptionMessage").asString())
                .anyMatch(m -> m.contains("unknown event type UnitTeleported v1"))
                .anyMatch(m -> m.contains("unknown event type UnitRegistered v7"))
                .anyMatch(m -> m.contains("not a readable integration event"));
        assertThat(KafkaTopics.read(service.brokers(), "ntm.units.dlq.criteria", 3, Duration.ofSeconds(10))).hasSize(3);
    }

    private JsonHttp http() {
        return service.http();
    }
}
