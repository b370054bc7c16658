package vn.ntm.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import vn.ntm.launcher.ServiceProcess;

/**
 * How far a consumer group's committed offsets are behind the log end of its topics (Kafka's AdminClient), and a kill
 * timed by it: a consumer killed between polls has nothing in flight and proves little, so the fault suite sends a
 * burst of commands and kills the service the moment its group has records it has not committed.
 */
final class ConsumerLag implements AutoCloseable {

    private static final int ATTEMPTS = 5;

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Records of {@code topics} after the group's committed offsets, summed over the partitions it has committed. */
    long behind(String group, Set<String> topics) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> topics.contains(e.getKey().topic()) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            if (committed.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                    .stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                    .get(10, TimeUnit.SECONDS);
            return committed.entrySet().stream()
                    .mapToLong(e -> Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset())).sum();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // the group is rebalancing or the broker is busy: nothing is known to be behind
            return 0;
        }
    }

    /**
     * Sends {@code burst} and kills {@code service} (SIGKILL) as soon as {@code group} is behind the log end of
     * {@code topics}; another burst if a whole one was consumed before it could be seen behind.
     *
     * @return how many records the group was behind when the service was killed
     */
    long killWhileBehind(ServiceProcess service, String group, Set<String> topics, Runnable burst) throws Exception {
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Future<?> sending = sender.submit(burst);
                long settledAt = Long.MAX_VALUE;
                // polled without pause: each look is a round trip to the broker, the burst takes seconds
                while (System.nanoTime() < settledAt) {
                    long behind = behind(group, topics);
                    if (behind > 0) {
                        service.kill();
                        System.out.printf("[fault suite] killed %s with its group %s %d records behind the log end"
                                + " (burst %d)%n", service.name(), group, behind, attempt);
                        sending.get(120, TimeUnit.SECONDS);
                        return behind;
                    }
                    if (sending.isDone() && settledAt == Long.MAX_VALUE) {
                        settledAt = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                    }
                }
                sending.get();
            }
            throw new AssertionError("the group " + group + " of " + service.name() + " was never seen behind the log"
                    + " end during " + ATTEMPTS + " bursts: the kill could not be timed while records were in flight");
        } finally {
            sender.shutdownNow();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
