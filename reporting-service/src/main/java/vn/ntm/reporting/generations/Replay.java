package vn.ntm.reporting.generations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.support.messaging.IdempotentConsumer;
import vn.ntm.support.messaging.UndecodableEvent;
import vn.ntm.support.rules.RuleViolation;

/**
 * Rebuilds every read model from the start of history without downtime (ADR 7): the generation that is not live is
 * emptied and refilled from the first record of the Kafka topics (kept forever) by the same fold the live consumers
 * use, while the live generation goes on serving and consuming. Once the rebuild has caught up with the end of the
 * topics, live writes are held for a moment, the last records are folded in and the public views are pointed at the
 * new generation. The old one stays as it was until the next replay, for comparison.
 */
@Component
public class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(2);

    /** Where history comes from: each topic with the consumer name its events are recorded under, and the fold. */
    public record Source(Map<String, String> consumers, Fold fold) {
    }

    /** Folds events into the read models: the live consumers and a replay hand it the new events of a whole poll. */
    @FunctionalInterface
    public interface Fold {

        /** Folds {@code events} in their order, in the caller's transaction. */
        void acceptAll(List<Envelope<?>> events);
    }

    /**
     * How a replay is doing.
     *
     * @param state         IDLE (none yet), RUNNING, SWAPPING, DONE, FAILED or CANCELLED
     * @param eventsTotal   records on the topics from their start to their end as last looked at (grows while live
     *                      events keep arriving)
     * @param eventsSkipped records that are not readable integration events (they went to the dead-letter topic live)
     * @param secondsLeft   at the rate so far; null until there is a rate
     */
    public record Progress(UUID replayId, String state, String targetGeneration, String liveGeneration,
                           Instant startedAt, Instant finishedAt, long eventsDone, long eventsTotal,
                           long eventsSkipped, double ratePerSecond, Long secondsLeft, String message) {
    }

    /** A topic history is replayed from, and how long the broker keeps its records (-1: forever). */
    public record HistorySource(String topic, int partitions, Long retentionMs, boolean keptForever) {
    }

    private final ReadModelGenerations generations;
    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final IdempotentConsumer processed;
    private final Source source;
    private final String brokers;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Thread worker;

    Replay(ReadModelGenerations generations, JdbcTemplate jdbc, EventCodec codec, IdempotentConsumer processed,
           Source source, @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.generations = generations;
        this.jdbc = jdbc;
        this.codec = codec;
        this.processed = processed;
        this.source = source;
        this.brokers = brokers;
        this.clock = Clock.systemUTC();
    }

    /** The running or last replay. */
    public Progress progress() {
        Progress current = progress.get();
        if (current != null) {
            return current;
        }
        List<Progress> last = jdbc.query("""
                select replay_id, state, target_schema, started_at, finished_at, events_done, events_total,
                       events_skipped, message
                from replay_run order by started_at desc limit 1""",
                (rs, n) -> new Progress(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        generations.live(), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), 0, null, rs.getString(9)));
        return last.isEmpty()
                ? new Progress(null, "IDLE", null, generations.live(), null, null, 0, 0, 0, 0, null, null)
                : last.get(0);
    }

    /** Starts a replay into the generation that is not live; refused while one runs. */
    public synchronized Progress start() {
        Progress current = progress.get();
        if (current != null && (current.state().equals("RUNNING") || current.state().equals("SWAPPING"))) {
            throw RuleViolation.conflict("replay-running", null, current.replayId());
        }
        String live = generations.live();
        String target = ReadModelGenerations.other(live);
        UUID id = UUID.randomUUID();
        Instant started = clock.instant();
        jdbc.update("""
                insert into replay_run (replay_id, target_schema, state, started_at, events_done, events_total,
                                        events_skipped)
                values (?, ?, 'RUNNING', ?, 0, 0, 0)""", id, target, java.sql.Timestamp.from(started));
        cancelled.set(false);
        progress.set(new Progress(id, "RUNNING", target, live, started, null, 0, 0, 0, 0, null, null));
        worker = new Thread(() -> run(id, target), "read-model-replay");
        worker.setDaemon(true);
        worker.start();
        return progress.get();
    }

    /** Stops a running replay before its swap; the live generation is left as it is. */
    public Progress cancel() {
        Progress current = progress.get();
        if (current == null || !current.state().equals("RUNNING")) {
            throw RuleViolation.conflict("replay-not-running", null);
        }
        cancelled.set(true);
        return current;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        cancelled.set(true);
        Thread running = worker;
        if (running != null) {
            running.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** The topics history is replayed from, with their retention. */
    public List<HistorySource> sources() {
        List<HistorySource> out = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            var names = admin.listTopics().names().get();
            for (String topic : source.consumers().keySet().stream().sorted().toList()) {
                if (!names.contains(topic)) {
                    out.add(new HistorySource(topic, 0, null, false));
                    continue;
                }
                int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                        .partitions().size();
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                Long retention = config.get(TopicConfig.RETENTION_MS_CONFIG) == null ? null
                        : Long.valueOf(config.get(TopicConfig.RETENTION_MS_CONFIG).value());
                out.add(new HistorySource(topic, partitions, retention, retention != null && retention < 0));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka did not describe the history topics: " + e.getCause(), e);
        }
        return out;
    }

    private void run(UUID id, String target) {
        Counters counters = new Counters();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : source.consumers().keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            generations.truncate(target);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            counters.total = remaining(start, end);
            Instant saved = clock.instant();
            while (!cancelled.get()) {
                if (caughtUp(consumer, end)) {
                    end = consumer.endOffsets(partitions);
                    counters.total = remaining(start, end);
                    if (caughtUp(consumer, end)) {
                        break;
                    }
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    generations.inGeneration(target, () -> fold(batch, counters));
                }
                report(id, target, "RUNNING", counters, null);
                if (Duration.between(saved, clock.instant()).compareTo(SAVE_EVERY) > 0) {
                    save(id, "RUNNING", counters, null);
                    saved = clock.instant();
                }
            }
            if (cancelled.get()) {
                finish(id, target, "CANCELLED", counters, "cancelled; the live generation is unchanged");
                return;
            }
            report(id, target, "SWAPPING", counters, null);
            generations.swapTo(target, () -> {
                Map<TopicPartition, Long> last = consumer.endOffsets(partitions);
                counters.total = remaining(start, last);
                while (!caughtUp(consumer, last)) {
                    fold(consumer.poll(POLL), counters);
                }
            });
            finish(id, target, "DONE", counters, null);
            LOG.info("Replay {} rebuilt {} from {} events; it is live now", id, target, counters.done);
        } catch (RuntimeException e) {
            LOG.error("Replay {} failed; the live generation is unchanged", id, e);
            finish(id, target, "FAILED", counters, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Folds one poll's records in one transaction. Which of them are new (the topics hold a redelivered event more
     * than once) is settled for the whole poll in one statement instead of one insert per record; the fold then
     * takes the new ones in their order.
     */
    private Void fold(ConsumerRecords<byte[], byte[]> batch, Counters counters) {
        List<IdempotentConsumer.Delivery> deliveries = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            counters.done++;
            try {
                deliveries.add(new IdempotentConsumer.Delivery(source.consumers().get(record.topic()),
                        codec.decode(record.value())));
            } catch (UndecodableEvent e) {
                counters.skipped++;
            }
        }
        source.fold().acceptAll(processed.firstDeliveries(deliveries));
        return null;
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static long remaining(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-replay");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static final class Counters {
        long done;
        long total;
        long skipped;
    }

    private void report(UUID id, String target, String state, Counters counters, String message) {
        Progress before = progress.get();
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(before.startedAt(), now).toMillis() / 1000.0);
        double rate = counters.done / seconds;
        long total = Math.max(counters.total, counters.done);
        Long left = rate > 0 ? Math.round((total - counters.done) / rate) : null;
        boolean over = state.equals("DONE") || state.equals("FAILED") || state.equals("CANCELLED");
        progress.set(new Progress(id, state, target, generations.live(), before.startedAt(), over ? now : null,
                counters.done, total, counters.skipped, Math.round(rate * 10) / 10.0, over ? Long.valueOf(0) : left,
                message));
    }

    private void finish(UUID id, String target, String state, Counters counters, String message) {
        report(id, target, state, counters, message);
        save(id, state, counters, message);
    }

    private void save(UUID id, String state, Counters counters, String message) {
        Progress p = progress.get();
        jdbc.update("""
                update replay_run set state = ?, events_done = ?, events_total = ?, events_skipped = ?, message = ?,
                    finished_at = ? where replay_id = ?""",
                state, counters.done, p.eventsTotal(), counters.skipped, message,
                p.finishedAt() == null ? null : java.sql.Timestamp.from(p.finishedAt()), id);
    }
}
