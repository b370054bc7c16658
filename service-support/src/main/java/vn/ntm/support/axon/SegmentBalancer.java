package vn.ntm.support.axon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Shares the segments of every streaming processor (the Kafka publisher above all) among the live instances of a
 * service, without Axon Server: every {@code balanceEvery} an instance says it is alive, counts the live instances
 * ({@link InstanceHeartbeats}) and releases the segments it holds above its {@link FairShare fair share}, each for
 * {@code releaseFor}, during which it does not claim it back; another instance's coordinator claims it at its next
 * token claim. Two instances settle at 8 and 8 of 16. A dead instance's segments are claimed by the survivors once
 * their claims time out (the token store's claim timeout); its heartbeat goes stale before that, so the survivors do
 * not release what they just took. Started last and stopped first, so that an instance counts only while its
 * processors run, and leaves the count at once on a clean stop.
 */
class SegmentBalancer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);

    private final String instance;
    private final InstanceHeartbeats heartbeats;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final Timing timing;
    private ScheduledExecutorService executor;

    /**
     * @param balanceEvery how often the instance beats and balances
     * @param staleAfter   an instance whose last beat is older counts as gone
     * @param releaseFor   how long a released segment is left to the others
     */
    record Timing(Duration balanceEvery, Duration staleAfter, Duration releaseFor) {
    }

    SegmentBalancer(String instance, InstanceHeartbeats heartbeats, EventProcessingConfiguration processing,
                    TokenStore tokens, TransactionManager transactions, Timing timing) {
        this.instance = instance;
        this.heartbeats = heartbeats;
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
        this.timing = timing;
    }

    /** One round: beat, count, release the surplus of each running streaming processor. */
    void balance() {
        heartbeats.beat(instance);
        int live = heartbeats.live(timing.staleAfter());
        for (Map.Entry<String, StreamingEventProcessor> entry : streamingProcessors().entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            if (!processor.isRunning()) {
                continue;
            }
            int segments = transactions.fetchInTransaction(() -> tokens.fetchSegments(entry.getKey())).length;
            List<Integer> surplus = FairShare.surplus(processor.processingStatus().keySet(), segments, live);
            if (!surplus.isEmpty()) {
                LOG.info("{} holds {} of {} segments of {} with {} live instances: releasing {}", instance,
                        processor.processingStatus().size(), segments, entry.getKey(), live, surplus);
            }
            surplus.forEach(segment -> processor.releaseSegment(segment, timing.releaseFor().toMillis(),
                    TimeUnit.MILLISECONDS));
        }
    }

    private Map<String, StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().entrySet().stream()
                .filter(e -> e.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> (StreamingEventProcessor) e.getValue()));
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the next round tries again; a failure here must not end the schedule
            LOG.warn("Balancing the segments of {} failed: {}", instance, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "segment-balancer"));
        long every = timing.balanceEvery().toMillis();
        executor.scheduleWithFixedDelay(this::balanceQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            // a beat still running would put the row back after it is removed
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        try {
            heartbeats.leave(instance);
        } catch (RuntimeException e) {
            LOG.warn("{} could not leave the live instances ({}); it goes stale instead", instance, e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
