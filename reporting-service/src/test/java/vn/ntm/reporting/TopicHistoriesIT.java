package vn.ntm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.support.messaging.store.PublishedBy;
import vn.ntm.support.messaging.store.TopicHistories;
import vn.ntm.testing.ServiceIntegrationTest;
import vn.ntm.testing.ServiceUnderTest;

/**
 * reporting-service says in readiness when a topic it rebuilds from holds two event stores' histories — what
 * village-service leaves on {@code ntm.units} when its database is reset while Kafka keeps the topic (docs/adr/0019).
 * Dirties its context: its readiness stays DOWN.
 */
@ServiceIntegrationTest
@DirtiesContext
class TopicHistoriesIT {

    private final ServiceUnderTest service;

    TopicHistoriesIT(ServiceUnderTest service) {
        this.service = service;
    }

    /** Catches a reporting-service whose readiness leaves the topics' histories out, or reads one partition end only. */
    @Test
    void aTopicHoldingTwoStoresHistoriesMakesReportingNotReady() {
        String province = UUID.randomUUID().toString();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // the same unit registered by the store before the reset and by the store after it, on one partition
        send(province, before);
        send(province, after);

        service.bean(TopicHistories.class).check();

        JsonNode readiness = service.anonymous().get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asString()).isEqualTo("DOWN");
        assertThat(readiness.at("/components/storeTopics/details/ntm.units/reason").asString())
                .contains("2 event stores", before.toString(), after.toString(), "docs/operations.md");
        assertThat(readiness.at("/components/storeTopics/details/ntm.criteria/state").asString()).isEqualTo("AGREE");
    }

    private void send(String province, UUID store) {
        Envelope<UnitRegistered> registered = Envelope.of(UUID.randomUUID(), LocalDate.of(1997, 1, 1),
                Instant.now(), new Actor("admin@langson", "provincial-admin", null), province,
                List.of(new UnitRef(province, "PROVINCE", "Lạng Sơn")),
                new UnitRegistered("PROVINCE", "Lạng Sơn", null, LocalDate.of(1997, 1, 1), "TDMNPB", null, null, null));
        Properties props = new Properties();
        props.put("bootstrap.servers", service.brokers());
        props.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>("ntm.units", province,
                    service.codec().encode(registered));
            record.headers().add(PublishedBy.STORE_HEADER, store.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(PublishedBy.PRODUCER_HEADER, "village-service".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to ntm.units", e);
        }
    }
}
