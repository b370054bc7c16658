package vn.ntm.reporting.generations.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.stereotype.Component;
import vn.ntm.reporting.generations.command.History;
import vn.ntm.reporting.generations.config.ReportingProperties;

/** The topics the live consumers read ({@link ReportingBindings#CONSUMERS}), read from their start for a replay. */
@Component
class HistoryTopics implements History {

    private final String brokers;

    HistoryTopics(ReportingProperties properties) {
        this.brokers = properties.brokers();
    }

    @Override
    public Map<String, String> consumers() {
        return ReportingBindings.CONSUMERS;
    }

    @Override
    public KafkaConsumer<byte[], byte[]> open() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-replay");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public List<Source> sources() {
        List<Source> out = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            var names = admin.listTopics().names().get();
            for (String topic : consumers().keySet().stream().sorted().toList()) {
                if (!names.contains(topic)) {
                    out.add(new Source(topic, 0, null, false));
                    continue;
                }
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().size();
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                Long retention = config.get(TopicConfig.RETENTION_MS_CONFIG) == null ? null
                        : Long.valueOf(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
                out.add(new Source(topic, partitions, retention, retention != null && retention < 0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not describe the history topics: " + e.getCause(), e);
        }
        return out;
    }
}
