package vn.ntm.launcher;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The platform's topics with enough partitions for the instances planned, made before any service starts (the
 * Spring Cloud Stream binder would otherwise create them with one partition, and one partition feeds one instance of
 * a consumer group however many run).
 *
 * <p>{@value #PARTITIONS} partitions: two instances of each service with room to grow to three or six (six divides evenly among
 * 1, 2, 3 and 6 instances; the same count as docker-compose.yml, reasons in docs/partitions.md);
 * the key is the unit id, so one unit's events stay in order on one partition. Changing the count moves keys: after
 * adding partitions, a unit's new events may land on another partition than its older ones, and a consumer could fold
 * the new ones first while older ones still wait. A kept data directory whose topics have fewer partitions is
 * therefore grown only when that cannot happen: at start, before any service publishes, and only when every consumer
 * group has committed every partition of the topic up to its end (nothing in flight). Otherwise the topic is left as it
 * is and the launcher says why (the platform still works; fewer instances share the work). A topic's dead-letter topics
 * ({@code <topic>.dlq.<service>}) are grown with it: dead letters go to the partition number of the record that failed.
 */
final class TopicPartitions {

    static final int PARTITIONS = 6;
    /** The topics keyed by unit id that the services' consumer groups share. */
    static final List<String> TOPICS = List.of("ntm.units", "ntm.criteria", "ntm.dashboard");

    private TopicPartitions() {
    }

    /** Creates the missing topics with {@value #PARTITIONS} partitions and grows existing ones when it is safe. */
    static void ensure(String bootstrapServers, Consumer<String> say) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Collection<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t))
                    // the topics are the platform's history: kept forever (the broker's default too)
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1).configs(Map.of("retention.ms", "-1")))
                    .toList();
            create(admin, missing);
            List<String> kept = TOPICS.stream().filter(existing::contains).toList();
            if (kept.isEmpty()) {
                return;
            }
            Map<String, TopicDescription> described = admin.describeTopics(kept).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            for (String topic : kept) {
                int partitions = described.get(topic).partitions().size();
                if (partitions >= PARTITIONS) {
                    continue;
                }
                long inFlight = inFlight(admin, topic);
                if (inFlight > 0) {
                    say.accept("Kafka topic " + topic + " has " + partitions + " partition(s), fewer than the "
                            + PARTITIONS + " planned, and consumers are " + inFlight + " record(s) behind on it: left"
                            + " as it is, since adding partitions now could reorder a unit's events. Fewer instances"
                            + " share its work until it is grown at a start with nothing in flight.");
                    continue;
                }
                List<String> grown = new ArrayList<>(List.of(topic));
                existing.stream().filter(t -> t.startsWith(topic + ".dlq.")).forEach(grown::add);
                Map<String, TopicDescription> all = admin.describeTopics(grown).allTopicNames()
                        .get(30, TimeUnit.SECONDS);
                Map<String, NewPartitions> increase = grown.stream()
                        .filter(t -> all.get(t).partitions().size() < PARTITIONS)
                        .collect(Collectors.toMap(t -> t, t -> NewPartitions.increaseTo(PARTITIONS)));
                admin.createPartitions(increase).all().get(30, TimeUnit.SECONDS);
                say.accept("Kafka topic " + topic + " grown from " + partitions + " to " + PARTITIONS
                        + " partitions (nothing was in flight), with its dead-letter topics.");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot prepare the Kafka topics on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the Kafka topics", e);
        }
    }

    private static void create(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (NewTopic topic : topics) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Records of {@code topic} that some consumer group has not committed, summed over groups and partitions. (The
     * outbox needs no look: events an event store holds but has not published yet go out after the change, once the
     * unit's older records have all been consumed.)
     */
    private static long inFlight(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, Long> ends = new HashMap<>();
        long behind = 0;
        for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(30, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith("anonymous.")) {
                continue; // a binder's throw-away group (live data only): it reads from the end when it comes back
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            List<TopicPartition> ofTopic = committed.keySet().stream().filter(p -> p.topic().equals(topic)).toList();
            List<TopicPartition> unknown = ofTopic.stream().filter(p -> !ends.containsKey(p)).toList();
            if (!unknown.isEmpty()) {
                admin.listOffsets(unknown.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get(30, TimeUnit.SECONDS).forEach((p, info) -> ends.put(p, info.offset()));
            }
            for (TopicPartition p : ofTopic) {
                OffsetAndMetadata offset = committed.get(p);
                behind += Math.max(0, ends.get(p) - (offset == null ? 0 : offset.offset()));
            }
        }
        return behind;
    }
}
