package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform's topics on a real broker: new ones are made with {@link TopicPartitions#PARTITIONS} partitions; a kept
 * one with fewer is grown (with its dead-letter topics) only when no consumer group is behind on it, and otherwise left
 * as it is with a line saying why.
 */
class TopicPartitionsIT {

    @TempDir
    Path tempDir;
    private KafkaBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    /**
     * Catches a launcher that leaves the binder's one-partition topics (one instance would do all the work), and one
     * that grows a topic while records are in flight (a unit's new events could overtake its older ones).
     */
    @Test
    void topicsAreMadeWithEnoughPartitionsAndGrownOnlyWithNothingInFlight() throws Exception {
        broker = new KafkaBroker(tempDir.resolve("kafka"), freePort(), freePort());
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            // a kept data directory: topics of one partition, as the binder made them, with records
            admin.createTopics(List.of(new NewTopic("ntm.units", 1, (short) 1),
                    new NewTopic("ntm.units.dlq.reporting", 1, (short) 1),
                    new NewTopic("ntm.criteria", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (String topic : List.of("ntm.units", "ntm.units", "ntm.criteria", "ntm.criteria")) {
                    producer.send(new ProducerRecord<>(topic, "unit", "event")).get();
                }
            }
            TopicPartition units = new TopicPartition("ntm.units", 0);
            TopicPartition criteria = new TopicPartition("ntm.criteria", 0);
            // reporting has consumed all of ntm.units; village is one record behind on ntm.criteria
            admin.alterConsumerGroupOffsets("reporting-service", Map.of(units, new OffsetAndMetadata(2)))
                    .all().get(60, TimeUnit.SECONDS);
            admin.alterConsumerGroupOffsets("village-service", Map.of(criteria, new OffsetAndMetadata(1)))
                    .all().get(60, TimeUnit.SECONDS);

            List<String> said = new ArrayList<>();
            TopicPartitions.ensure(broker.bootstrapServers(), said::add);

            Map<String, Integer> partitions = admin.describeTopics(List.of("ntm.units", "ntm.units.dlq.reporting",
                            "ntm.criteria", "ntm.dashboard")).allTopicNames().get(60, TimeUnit.SECONDS).entrySet()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().partitions().size()));
            assertThat(partitions).containsEntry("ntm.units", TopicPartitions.PARTITIONS)
                    .containsEntry("ntm.units.dlq.reporting", TopicPartitions.PARTITIONS)
                    .containsEntry("ntm.criteria", 1)
                    .containsEntry("ntm.dashboard", TopicPartitions.PARTITIONS);
            assertThat(said).anySatisfy(line -> assertThat(line).contains("ntm.units grown from 1 to " + TopicPartitions.PARTITIONS));
            assertThat(said).anySatisfy(line -> assertThat(line).contains("ntm.criteria has 1 partition(s)")
                    .contains("1 record(s) behind"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
