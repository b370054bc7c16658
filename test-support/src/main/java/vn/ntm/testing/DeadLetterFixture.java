package vn.ntm.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.ntm.testing.AccessMatrix.Guard;
import vn.ntm.testing.AccessMatrix.Rule;

/**
 * The dead letters in an access test: the rules of the dead-letter endpoints, and a real dead letter on a service's
 * dead-letter topic, so that the test can show and replay one: a record with the headers Spring Kafka's dead-letter
 * publisher writes, whose original topic no consumer reads (a replay of it changes nothing).
 */
public final class DeadLetterFixture {

    /** Where a replayed letter goes: a topic no service consumes. */
    public static final String ORIGINAL_TOPIC = "ntm.test.access-matrix";

    private DeadLetterFixture() {
    }

    /**
     * The access rules of the Kafka dead-letter endpoints every service has (service-support): platform
     * administrators. The letter is a real one ({@link #kafkaLetter}: placeholders {@code dlq-partition},
     * {@code dlq-offset}).
     */
    public static Map<String, Rule> rules(String dlqTopic) {
        String admin = "provincial-admin";
        String letter = "/api/dead-letters/" + dlqTopic + "/{dlq-partition}/{dlq-offset}";
        return Map.of(
                "GET /api/dead-letters", Rule.of("GET /api/dead-letters", Guard.WHOLE_PLATFORM, admin),
                "GET /api/dead-letters/{topic}/{partition}/{offset}",
                Rule.of("GET " + letter, Guard.WHOLE_PLATFORM, admin),
                "POST /api/dead-letters/{topic}/{partition}/{offset}/replay",
                Rule.of("POST " + letter + "/replay", Guard.WHOLE_PLATFORM, admin));
    }

    /** The rules of the Axon event-handler dead letters of the services with an event store: the same. */
    public static Map<String, Rule> eventHandlerRules() {
        String admin = "provincial-admin";
        String noLetter = "no event is parked: a projection would have to fail for one to be";
        return Map.of(
                "GET /api/dead-letters/event-handlers",
                Rule.of("GET /api/dead-letters/event-handlers", Guard.WHOLE_PLATFORM, admin),
                "GET /api/dead-letters/event-handlers/{processingGroup}/{id}",
                Rule.of("GET /api/dead-letters/event-handlers/g/1", Guard.WHOLE_PLATFORM, admin)
                        .allowedAnswers(404, noLetter),
                "POST /api/dead-letters/event-handlers/{processingGroup}/{id}/replay",
                Rule.of("POST /api/dead-letters/event-handlers/g/1/replay", Guard.WHOLE_PLATFORM, admin)
                        .allowedAnswers(404, noLetter));
    }

    /** Puts a letter on {@code dlqTopic}; returns its placeholders {@code dlq-partition} and {@code dlq-offset}. */
    public static Map<String, String> kafkaLetter(String brokers, String dlqTopic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        ProducerRecord<String, String> letter = new ProducerRecord<>(dlqTopic, "access-matrix", "{\"test\":true}");
        letter.headers().add("kafka_dlt-original-topic", ORIGINAL_TOPIC.getBytes(StandardCharsets.UTF_8));
        letter.headers().add("kafka_dlt-exception-fqcn",
                IllegalStateException.class.getName().getBytes(StandardCharsets.UTF_8));
        letter.headers().add("kafka_dlt-exception-message",
                "a letter of the access matrix".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            RecordMetadata sent = producer.send(letter).get();
            return Map.of("dlq-partition", String.valueOf(sent.partition()), "dlq-offset",
                    String.valueOf(sent.offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not put a dead letter on " + dlqTopic, e.getCause());
        }
    }
}
