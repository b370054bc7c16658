package vn.ntm.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import vn.ntm.support.messaging.store.PublishedBy;
import vn.ntm.support.messaging.store.StoreTopicCheck;
import vn.ntm.testing.FreshDatabase;
import vn.ntm.testing.JsonHttp;
import vn.ntm.testing.KafkaTopics;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;
import vn.ntm.testing.TestIdentity;

/**
 * The event store and its topic belong together (docs/adr/0019), on a real broker and real PostgreSQL: each message
 * names its store; a service whose store agrees with {@code ntm.criteria} is ready; one started on a reset database
 * while the topic kept its records, and one whose newest events are gone (a restore from an older backup), say
 * why they are not ready — and the restored one keeps saying it after newer events were published. Dirties its
 * context: it deletes stored events.
 */
@ServiceIntegrationTest
// a context (so a broker and a database) of its own: the topic's ends must be this test's records alone
@TestPropertySource(properties = "ntm.test.suite=store-and-topic")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreAndTopicIT {

    private static final String TOPIC = "ntm.criteria";
    private static final String FIRST_SET = "VN-XA-NTM-2021-2025";
    private static final String SECOND_SET = "VN-XA-NTMNC-2021-2025";
    private static final String THIRD_SET = "VN-XA-NTM-2026-2030";

    private final ServiceUnderTest service;

    StoreAndTopicIT(ServiceUnderTest service) {
        this.service = service;
    }

    /** Catches a publisher that leaves the store's id or the producer out of the headers. */
    @Test
    @Order(1)
    void eachMessageCarriesItsStoreAndService() {
        List<ConsumerRecord<String, String>> records = published(FIRST_SET, 1);

        UUID store = service.jdbc().queryForObject("select id from store_identity", UUID.class);
        assertThat(records).allSatisfy(record -> {
            assertThat(header(record, PublishedBy.STORE_HEADER)).isEqualTo(store.toString());
            assertThat(header(record, PublishedBy.PRODUCER_HEADER)).isEqualTo("criteria-service");
        });
    }

    /** Catches a check that finds fault with a store and topic written together (a service never ready). */
    @Test
    @Order(2)
    void aStoreAndTheTopicItWroteAreReady() {
        published(SECOND_SET, 2);

        service.bean(StoreTopicCheck.class).check();

        JsonNode readiness = service.anonymous().get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/storeTopics/details/ntm.criteria/state").asString()).isEqualTo("AGREE");
    }

    /**
     * Catches a check that trusts the newest record alone or only the store's id (a reset store's own new events
     * are the newest: only the oldest records, from the other store, give it away), and one that is not in
     * readiness.
     */
    @Test
    @Order(3)
    void aServiceStartedOnAResetDatabaseWhileTheTopicKeptItsRecordsIsNotReady() {
        published(FIRST_SET, 1);
        try (ConfigurableApplicationContext reset = new SpringApplicationBuilder(CriteriaServiceApplication.class)
                .initializers(new FreshDatabase(), new TestIdentity())
                // arguments, not default properties: those would lose to application.yml's broker
                .run("--server.port=0", "--spring.cloud.stream.kafka.binder.brokers=" + service.brokers())) {
            JsonHttp second = new JsonHttp("http://localhost"
                    + ":" + reset.getEnvironment().getRequiredProperty("local.server.port"));
            JsonNode readiness = second.get("/actuator/health/readiness").json();

            assertThat(readiness.path("status").asString()).isEqualTo("DOWN");
            JsonNode verdict = readiness.at("/components/storeTopics/details/ntm.criteria");
            assertThat(verdict.path("state").asString()).isEqualTo("DISAGREE");
            assertThat(verdict.path("reason").asString())
                    .contains("holds events of another event store", "reset or replaced", "docs/operations.md");
        }
    }

    /**
     * Catches a check that takes the store's own id on a record as proof that the store still holds the event (a
     * restore keeps the id), and one that forgets the finding once newer events were published over it.
     */
    @Test
    @Order(4)
    void aStoreRestoredFromAnOlderBackupIsNotReadyUntilTheTopicIsRecreated() {
        // the second set's record is the newest of its partition (the only one, or after the first set's)
        UUID newest = eventId(published(SECOND_SET, 2).stream().filter(r -> r.value().contains(SECOND_SET))
                .findFirst().orElseThrow());
        // the backup was taken before the newest event: the restored store lacks it, the topic has it
        assertThat(service.jdbc().update("delete from domain_event_entry where event_identifier = ?",
                newest.toString())).isEqualTo(1);

        assertThat(service.bean(StoreTopicCheck.class).check().reason())
                .contains("lacks event " + newest, "restored from a backup older than the topic");
        JsonNode readiness = service.anonymous().get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asString()).isEqualTo("DOWN");
        assertThat(readiness.at("/components/storeTopics/status").asString()).isEqualTo("DOWN");

        // the restored service goes on publishing: the topic's newest record is the store's again ...
        published(THIRD_SET, 3);
        // ... and the disagreement found is kept all the same
        assertThat(service.bean(StoreTopicCheck.class).check().reason())
                .contains("lacks event " + newest, "kept in topic_disagreement");
    }

    /** Loads a shipped set unless loaded, and waits until the topic holds {@code count} records. */
    private List<ConsumerRecord<String, String>> published(String set, int count) {
        if (service.http().get("/api/criteria-sets/" + set).status() == 404) {
            assertThat(service.http().post("/api/criteria-sets/shipped/" + set, "").status()).isEqualTo(201);
        }
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaTopics.read(service.brokers(), TOPIC, count, Duration.ofSeconds(2)),
                read -> read.size() >= count);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID eventId(ConsumerRecord<String, String> record) {
        return UUID.fromString(JsonHttp.parse(record.value()).path("eventId").asString());
    }
}
