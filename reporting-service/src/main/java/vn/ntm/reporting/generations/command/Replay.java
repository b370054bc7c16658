package vn.ntm.reporting.generations.command;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.reporting.generations.command.ReplayRuns.Counters;
import vn.ntm.reporting.generations.command.ReplayRuns.Progress;
import vn.ntm.support.messaging.EventCodec;
import vn.ntm.support.messaging.IdempotentConsumer;
import vn.ntm.support.messaging.UndecodableEvent;
import vn.ntm.support.rules.RuleViolation;

/**
 * Rebuilds every read model from the start of history without downtime (ADR 7): the generation that is not live is
 * emptied and refilled from the first record of the Kafka topics (kept forever, {@link History}) by the same fold the
 * live consumers use, while the live generation goes on serving and consuming. Once the rebuild has caught up with the
 * end of the topics, live writes are held for a moment, the last records are folded in and the public views are
 * pointed at the new generation. The old one stays as it was until the next replay, for comparison. How it is doing:
 * {@link ReplayRuns}.
 *
 * <p>Several reporting instances share one database: a replay is one run across all of them, held by a lease
 * ({@link ReplayLease}, ADR 18) that this instance renews every second while it saves its progress. Any instance
 * may ask to cancel it (the runner reads the request when it renews); if this instance stalls past the lease and
 * another one takes over, every later write of this run is refused by the fence and it stops. The catch-up reads the
 * topics, not this instance's partitions, so what the other instances folded live is in the new generation too.
 */
@Component
public class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    /** Records left to the end of the topics at most, once the replay has reached an earlier end, to swap. */
    private static final long SWAP_WHEN_BEHIND = 500;

    /** Folds events into the read models: the live consumers and a replay hand it the new events of a whole poll. */
    @FunctionalInterface
    public interface Fold {

        /** Folds {@code events} in their order, in the caller's transaction. */
        void acceptAll(List<Envelope<?>> events);
    }

    private final ReadModelGenerations generations;
    private final ReplayRuns runs;
    private final EventCodec codec;
    private final IdempotentConsumer processed;
    private final History history;
    private final Fold fold;
    private final Clock clock;
    private final ReplayLease lease;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Thread worker;

    Replay(ReadModelGenerations generations, ReplayRuns runs, EventCodec codec, IdempotentConsumer processed,
           History history, Fold fold, Clock clock, ReplayLease lease) {
        this.lease = lease;
        this.generations = generations;
        this.runs = runs;
        this.codec = codec;
        this.processed = processed;
        this.history = history;
        this.fold = fold;
        this.clock = clock;
    }

    /** Starts a replay into the generation that is not live; refused while one runs on any instance. */
    public synchronized Progress start() {
        if (stopping) {
            throw new IllegalStateException("this instance is stopping");
        }
        String live = generations.live();
        String target = ReadModelGenerations.other(live);
        UUID id = UUID.randomUUID();
        cancelled.set(false);
        Progress begun = runs.begin(id, target, live);
        worker = new Thread(() -> run(id, target), "read-model-replay");
        worker.setDaemon(true);
        worker.start();
        return begun;
    }

    /**
     * Stops the running replay, whichever instance runs it, before its swap; the live generation is left as it is.
     * The runner reads the request within a second (at once when it runs here).
     */
    public Progress cancel() {
        UUID running = lease.requestCancel();
        if (running == null) {
            throw RuleViolation.conflict("replay-not-running", null);
        }
        Progress current = runs.current();
        if (current != null && running.equals(current.replayId())) {
            cancelled.set(true);
        }
        return runs.progress();
    }

    /** A replay this instance runs ends as CANCELLED when it stops, which frees its lease for another instance. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        cancelled.set(true);
        Thread running = worker;
        if (running != null) {
            running.join(Duration.ofSeconds(10).toMillis());
        }
    }

    private void run(UUID id, String target) {
        Counters counters = new Counters();
        try (KafkaConsumer<byte[], byte[]> consumer = history.open()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : history.consumers().keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            generations.inGeneration(target, () -> {
                lease.fence(id);
                generations.truncate(target);
                return null;
            });
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            counters.total = remaining(start, end);
            Instant saved = clock.instant();
            while (!cancelled.get()) {
                if (caughtUp(consumer, end)) {
                    end = consumer.endOffsets(partitions);
                    counters.total = remaining(start, end);
                    // under a steady live stream the end moves on while a poll is folded, so "no record left" may
                    // never come: a little left is folded by the swap, which holds live writes meanwhile
                    if (behind(consumer, end) <= SWAP_WHEN_BEHIND) {
                        break;
                    }
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                if (!batch.isEmpty()) {
                    generations.inGeneration(target, () -> {
                        lease.fence(id);
                        return fold(batch, counters);
                    });
                }
                runs.report(id, target, "RUNNING", counters, null);
                if (Duration.between(saved, clock.instant()).compareTo(SAVE_EVERY) >= 0) {
                    renew(id, "RUNNING", counters);
                    saved = clock.instant();
                }
            }
            if (!cancelled.get()) {
                // the turn to SWAPPING reads, in one statement, whether a cancel was asked for until then: after it,
                // a cancel is refused (409), since the swap is no longer stopped
                runs.report(id, target, "SWAPPING", counters, null);
                renew(id, "SWAPPING", counters);
            }
            if (cancelled.get()) {
                runs.finish(id, target, "CANCELLED", counters, stopping
                        ? "cancelled: instance " + lease.instance() + " stopped; the live generation is unchanged"
                        : "cancelled; the live generation is unchanged");
                return;
            }
            generations.swapTo(target, () -> {
                lease.fence(id);
                Map<TopicPartition, Long> last = consumer.endOffsets(partitions);
                counters.total = remaining(start, last);
                while (!caughtUp(consumer, last)) {
                    fold(consumer.poll(POLL), counters);
                }
            }, () -> runs.finish(id, target, "DONE", counters, null));
            LOG.info("Replay {} rebuilt {} from {} events; it is live now", id, target, counters.done);
        } catch (ReplayLease.LeaseLost e) {
            LOG.error("Replay {} stopped: {}", id, e.getMessage());
            runs.report(id, target, "FAILED", counters, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Replay {} failed; the live generation is unchanged", id, e);
            runs.finish(id, target, "FAILED", counters, String.valueOf(e.getMessage()));
        }
    }

    /** Renews the lease with the counts so far; a cancel asked on any instance stops the run at its next turn. */
    private void renew(UUID id, String state, Counters counters) {
        ReplayLease.Renewal renewal = runs.renew(id, state, counters);
        if (!renewal.held()) {
            throw new ReplayLease.LeaseLost(id);
        }
        if (renewal.cancelRequested()) {
            cancelled.set(true);
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
                deliveries.add(new IdempotentConsumer.Delivery(history.consumers().get(record.topic()),
                        codec.decode(record.value())));
            } catch (UndecodableEvent e) {
                counters.skipped++;
            }
        }
        fold.acceptAll(processed.firstDeliveries(deliveries));
        return null;
    }

    private static long behind(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - consumer.position(e.getKey())))
                .sum();
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static long remaining(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
    }
}
