package vn.ntm.support.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.contracts.Envelope;

/**
 * Applies each integration event at most once per consumer: the event id goes into {@code processed_event} in the
 * same transaction as the handler's writes, so a redelivered event (Kafka delivers at least once) changes nothing,
 * and a handler that fails leaves no mark and is retried.
 */
public class IdempotentConsumer {

    private final EventCodec codec;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public IdempotentConsumer(EventCodec codec, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.codec = codec;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** An event as one consumer received it: the ids in {@code processed_event} are kept per consumer name. */
    public record Delivery(String consumer, Envelope<?> envelope) {
    }

    /**
     * @return the event when it was new and its changes are committed (the moment to tell others about it), empty
     *         when it had been handled before
     */
    public Optional<Envelope<?>> handle(String consumer, Message<byte[]> message, Consumer<Envelope<?>> handler) {
        Envelope<?> envelope = codec.decode(message.getPayload());
        boolean applied = Boolean.TRUE.equals(transaction.execute(status -> {
            List<Envelope<?>> fresh = firstDeliveries(List.of(new Delivery(consumer, envelope)));
            fresh.forEach(handler);
            return !fresh.isEmpty();
        }));
        return applied ? Optional.of(envelope) : Optional.empty();
    }

    /**
     * One poll of a batch-mode binding ({@code batch-mode: true}) in one transaction: {@code inTransaction} runs
     * first (the caller's locks, its search path), one statement settles which events are new, and {@code handler}
     * gets those in their order. {@code committed} then hears of each of them.
     *
     * <p>When a record cannot be handled, nothing of the poll's transaction stays. The records before it are then
     * handled again, each in a transaction of its own, and committed, until the one that fails is found (an
     * undecodable record is found at once, without the database); this throws a {@link BatchListenerFailedException}
     * naming it. The container's error handler ({@link BatchBindingErrors}) takes it from there: it commits the
     * offsets before that record, retries it with back-off and then dead-letters it, and redelivers the records after
     * it. When the database itself did not answer, every record would fail alike: the first one is named without
     * trying the others one by one, and retried as today's record-by-record consumers retry it.
     *
     * @param committed told of each event handled now, once its transaction has committed, also when a later
     *                  record of the poll fails
     */
    public void handlePoll(String consumer, List<byte[]> payloads, Runnable inTransaction,
                           Consumer<List<Envelope<?>>> handler, Consumer<Envelope<?>> committed) {
        List<Envelope<?>> decoded = new ArrayList<>();
        UndecodableEvent undecodable = null;
        for (byte[] payload : payloads) {
            try {
                decoded.add(codec.decode(payload));
            } catch (UndecodableEvent e) {
                undecodable = e;
                break;
            }
        }
        if (!decoded.isEmpty()) {
            try {
                handleInOneTransaction(consumer, decoded, inTransaction, handler).forEach(committed);
            } catch (RuntimeException failed) {
                if (ConsumerFailures.unavailable(failed)) {
                    throw ConsumerFailures.atRecord(0, failed);
                }
                for (int i = 0; i < decoded.size(); i++) {
                    try {
                        handleInOneTransaction(consumer, List.of(decoded.get(i)), inTransaction, handler)
                                .forEach(committed);
                    } catch (RuntimeException e) {
                        throw ConsumerFailures.atRecord(i, e);
                    }
                }
            }
        }
        if (undecodable != null) {
            throw ConsumerFailures.atRecord(decoded.size(), undecodable);
        }
    }

    private List<Envelope<?>> handleInOneTransaction(String consumer, List<Envelope<?>> events, Runnable inTransaction,
                                                     Consumer<List<Envelope<?>>> handler) {
        return transaction.execute(status -> {
            inTransaction.run();
            List<Envelope<?>> fresh = firstDeliveries(events.stream().map(e -> new Delivery(consumer, e)).toList());
            handler.accept(fresh);
            return fresh;
        });
    }

    /**
     * Records the deliveries in {@code processed_event}, in the caller's transaction and in one statement, and
     * returns the events of those that had not been recorded before, in their order (an event delivered twice
     * among them counts once).
     */
    public List<Envelope<?>> firstDeliveries(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Set<String> fresh = new HashSet<>(jdbc.query("""
                insert into processed_event (event_id, consumer, event_type, processed_at)
                select e.id, e.consumer, e.type, now() from unnest(?::uuid[], ?::varchar[], ?::varchar[])
                    as e(id, consumer, type)
                on conflict do nothing
                returning event_id::text || ' ' || consumer""",
                (rs, n) -> rs.getString(1),
                deliveries.stream().map(d -> d.envelope().eventId()).toArray(UUID[]::new),
                deliveries.stream().map(Delivery::consumer).toArray(String[]::new),
                deliveries.stream().map(d -> d.envelope().eventType()).toArray(String[]::new)));
        List<Envelope<?>> events = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            // remove: the second copy of an event within the same deliveries is not new
            if (fresh.remove(delivery.envelope().eventId() + " " + delivery.consumer())) {
                events.add(delivery.envelope());
            }
        }
        return events;
    }
}
