package vn.ntm.support.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.ntm.support.rules.RuleViolation;

/**
 * The messages this service's consumers could not handle, read back from their dead-letter topics so that a person
 * can see what failed and why, and send one back to the topic it came from once the cause is fixed. Replaying is
 * safe: consumers are idempotent by event id.
 */
public class DeadLetters {

    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final String brokers;
    private final List<String> topics;

    public DeadLetters(String brokers, List<String> topics) {
        this.brokers = brokers;
        this.topics = List.copyOf(topics);
    }

    /** One dead letter: where it sits, where it came from, why it failed, and what it said. */
    public record DeadLetter(String topic, int partition, long offset, String key, String originalTopic,
                             String exception, String exceptionMessage, Instant deadAt, String payload) {
    }

    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, READ_LIMIT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_LIMIT);
            Instant deadline = Instant.now().plus(READ_LIMIT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> letters.add(letter(r)));
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::deadAt).reversed());
        return letters;
    }

    public Optional<DeadLetter> find(String topic, int partition, long offset) {
        return list().stream().filter(l -> l.topic().equals(topic) && l.partition() == partition && l.offset() == offset)
                .findFirst();
    }

    /** Sends the dead letter back, unchanged, to the topic it came from. */
    public DeadLetter replay(String topic, int partition, long offset) {
        if (!topics.contains(topic)) {
            throw RuleViolation.notFound("dead-letter-not-found", topic + "/" + partition + "/" + offset);
        }
        DeadLetter letter = find(topic, partition, offset)
                .orElseThrow(() -> RuleViolation.notFound("dead-letter-not-found", topic + "/" + partition + "/" + offset));
        if (letter.originalTopic() == null) {
            throw RuleViolation.conflict("dead-letter-without-origin", "topic", topic);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(letter.originalTopic(),
                    letter.key() == null ? null : letter.key().getBytes(StandardCharsets.UTF_8),
                    letter.payload().getBytes(StandardCharsets.UTF_8))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not replay " + topic + "/" + partition + "/" + offset, e.getCause());
        }
        return letter;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static DeadLetter letter(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                header(record, "kafka_dlt-original-topic", "x-original-topic"),
                header(record, "kafka_dlt-exception-fqcn", "x-exception-fqcn"),
                header(record, "kafka_dlt-exception-message", "x-exception-message"),
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
    }

    private static String header(ConsumerRecord<?, ?> record, String... names) {
        for (String name : names) {
            Header header = record.headers().lastHeader(name);
            if (header != null) {
                return new String(header.value(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
