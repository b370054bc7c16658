package vn.ntm.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.support.messaging.store.PublishedBy;
import vn.ntm.support.messaging.store.StoreTopicCheck;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * village-service's store and {@code ntm.units} belong together (docs/adr/0019; the disagreements are shown in
 * criteria-service's StoreAndTopicIT, on the same shared mechanism): a unit's event names village-service's store, and
 * the service is ready with its check in readiness.
 */
@ServiceIntegrationTest
// a context (so a broker and a database) of its own: the topic's ends must be this test's records alone
@TestPropertySource(properties = "ntm.test.suite=store-and-topic")
@DirtiesContext
class StoreAndTopicIT {

    private final ServiceUnderTest service;

    StoreAndTopicIT(ServiceUnderTest service) {
        this.service = service;
    }

    /**
     * Catches village-service publishing without its store's id (a publisher not wired with it) and a readiness
     * group that leaves the check out or finds fault with a store and the topic it wrote.
     */
    @Test
    void aUnitsEventNamesItsStoreAndTheServiceIsReady() {
        String id = UUID.randomUUID().toString();
        assertThat(service.http().post("/api/units", Map.of("id", id, "level", "PROVINCE", "name", "Lạng Sơn",
                "validFrom", "1997-01-01")).status()).isEqualTo(201);

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTopics.read(service.brokers(), "ntm.units", Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                        .filter(r -> id.equals(r.key())).findFirst(), Optional::isPresent).orElseThrow();
        UUID store = service.jdbc().queryForObject("select id from store_identity", UUID.class);
        assertThat(new String(record.headers().lastHeader(PublishedBy.STORE_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(store.toString());
        assertThat(new String(record.headers().lastHeader(PublishedBy.PRODUCER_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("village-service");

        service.bean(StoreTopicCheck.class).check();
        JsonNode readiness = service.anonymous().get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/storeTopics/details/ntm.units/state").asString()).isEqualTo("AGREE");
    }
}
