package vn.ntm.support.messaging.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads, for each partition of a topic, the oldest and the newest record a service published there (records of other
 * producers are passed over by their {@link PublishedBy#PRODUCER_HEADER}), with Kafka's AdminClient and a consumer
 * that joins no group and commits nothing. Never creates the topic.
 */
public class TopicEndsReader {

    /** How many records from each end are looked at to find one of the service's among other producers' ones. */
    static final int LOOK_AT_MOST = 50;

    private final String brokers;
    private final JsonMapper json;
    private final Duration timeout;

    public TopicEndsReader(String brokers, JsonMapper json, Duration timeout) {
        this.brokers = brokers;
        this.json = json;
        this.timeout = timeout;
    }

    /**
     * The topic's ends as {@code producer} wrote them (every record when {@code producer} is {@code null}); throws
     * when Kafka does not answer within the timeout.
     */
    public TopicEnds read(String topic, String producer) {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin client = Admin.create(admin)) {
            TopicDescription description;
            try {
                description = client.describeTopics(List.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    return new TopicEnds(topic, "", List.of());
                }
                throw new IllegalStateException("Kafka did not describe " + topic + ": " + e.getCause(), e);
            }
            List<TopicPartition> partitions = description.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> starts = offsets(client, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest());
            try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                List<TopicEnds.Ends> read = new ArrayList<>();
                for (TopicPartition partition : partitions) {
                    read.add(ends(consumer, partition, starts.get(partition), ends.get(partition), producer));
                }
                return new TopicEnds(topic, description.topicId().toString(), read);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + brokers + " did not answer within " + timeout, e);
        }
    }

    private Map<TopicPartition, Long> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, TimeoutException {
        try {
            return client.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            e -> ((ListOffsetsResult.ListOffsetsResultInfo) e.getValue()).offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not list the offsets: " + e.getCause(), e);
        }
    }

    private TopicEnds.Ends ends(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long start,
                                long end, String producer) {
        if (end <= start) {
            return new TopicEnds.Ends(partition.partition(), null, null);
        }
        List<Stamp> oldest = stamps(consumer, partition, start, Math.min(end, start + LOOK_AT_MOST), producer);
        List<Stamp> newest = end - start <= LOOK_AT_MOST ? oldest
                : stamps(consumer, partition, end - LOOK_AT_MOST, end, producer);
        return new TopicEnds.Ends(partition.partition(), oldest.isEmpty() ? null : oldest.get(0),
                newest.isEmpty() ? null : newest.get(newest.size() - 1));
    }

    /** The producer's records in [from, to) (fewer when a transaction marker or compaction left gaps). */
    private List<Stamp> stamps(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long from, long to,
                               String producer) {
        consumer.assign(List.of(partition));
        consumer.seek(partition, from);
        List<Stamp> stamps = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (consumer.position(partition, timeout) < to) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Kafka did not hand over " + partition + " from offset " + from
                        + " within " + timeout);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < to && PublishedBy.publishedBy(record.headers(), producer)) {
                    stamps.add(new Stamp(record.partition(), record.offset(), PublishedBy.store(record.headers()),
                            eventId(record.value())));
                }
            }
        }
        return stamps;
    }

    private UUID eventId(byte[] value) {
        try {
            JsonNode id = value == null ? null : json.readTree(value).get("eventId");
            return id == null ? null : UUID.fromString(id.asString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, LOOK_AT_MOST);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
