package vn.ntm.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.ServiceProcess;

/**
 * How long the survivors take over a killed instance's work, measured (never asserted against a time; the bound of
 * each wait only keeps the suite finite and fails it when the work never moves):
 * <ul>
 *   <li>Kafka: from the kill until the consumer group is stable with the survivors' members only and every partition
 *       of its topics is assigned to one of them (AdminClient's describeConsumerGroups). A killed member stays in the
 *       group, holding its partitions, until its session times out.</li>
 *   <li>Axon: from the kill until every segment of the {@code kafka-publisher} processor is claimed by the survivor
 *       ({@code token_entry.owner} in the service's database starts with the survivor's pid and {@code @}, as both
 *       Axon's default node id and service-support's instance id do).</li>
 * </ul>
 */
final class Takeover implements AutoCloseable {

    static final String PUBLISHER = "kafka-publisher";
    private static final Duration POLL = Duration.ofMillis(200);

    private final Platform platform;
    private final Admin admin;

    Takeover(Platform platform) {
        this.platform = platform;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafka().bootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Waits until {@code group} is stable with {@code members} members that hold every partition of its topics. */
    void awaitGroup(String group, Set<String> topics, int members, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(POLL).ignoreExceptions()
                .until(() -> settled(group, topics, members));
    }

    /**
     * Waits until {@code group} starts to rebalance after losing a member: it is no longer stable, or has fewer than
     * {@code membersBefore} members (a rebalance quicker than one look).
     */
    void awaitRebalanceBegins(String group, int membersBefore, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> {
            ConsumerGroupDescription description = describe(group);
            return description.groupState() != GroupState.STABLE || description.members().size() < membersBefore;
        });
    }

    /** Time from {@code killedAt} ({@link System#nanoTime()}) until {@link #awaitGroup} holds. */
    Duration kafka(String group, Set<String> topics, int survivingMembers, long killedAt, Duration atMost) {
        awaitGroup(group, topics, survivingMembers, atMost);
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    /** The number of {@code kafka-publisher} segments whose claim names the process {@code pid}. */
    int segmentsOf(String service, long pid) throws SQLException {
        return (int) owners(service).stream().filter(owner -> owner != null && owner.startsWith(pid + "@")).count();
    }

    /** Every segment's owner, null where unclaimed. */
    List<String> owners(String service) throws SQLException {
        List<String> owners = new ArrayList<>();
        String database = platform.settings().database(service);
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl(database),
                platform.postgres().user(), platform.postgres().password());
             PreparedStatement statement = connection.prepareStatement(
                     "select owner from token_entry where processor_name = ? order by segment")) {
            statement.setString(1, PUBLISHER);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
            }
        }
        return owners;
    }

    /** Time from {@code killedAt} until {@code survivor} claims every {@code kafka-publisher} segment. */
    Duration axon(String service, ServiceProcess survivor, long killedAt, Duration atMost) {
        long pid = survivor.pid();
        Awaitility.await().atMost(atMost).pollInterval(POLL).ignoreExceptions().until(() -> {
            List<String> owners = owners(service);
            return !owners.isEmpty() && owners.stream().allMatch(o -> o != null && o.startsWith(pid + "@"));
        });
        return Duration.ofNanos(System.nanoTime() - killedAt);
    }

    /** The group's members now (0 when it cannot be described). */
    int members(String group) {
        try {
            return describe(group).members().size();
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            return 0;
        }
    }

    private boolean settled(String group, Set<String> topics, int members)
            throws ExecutionException, InterruptedException, TimeoutException {
        ConsumerGroupDescription description = describe(group);
        if (description.groupState() != GroupState.STABLE || description.members().size() != members) {
            return false;
        }
        int partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                .mapToInt(t -> t.partitions().size()).sum();
        long assigned = description.members().stream().map(MemberDescription::assignment)
                .flatMap(a -> a.topicPartitions().stream()).filter(p -> topics.contains(p.topic()))
                .map(TopicPartition::toString).distinct().count();
        return assigned == partitions;
    }

    private ConsumerGroupDescription describe(String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
