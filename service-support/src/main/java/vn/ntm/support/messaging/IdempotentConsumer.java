package vn.ntm.support.messaging;

import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
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

    /**
     * @return the event when it was new and its changes are committed (the moment to tell others about it), empty
     *         when it had been handled before
     */
    public Optional<Envelope<?>> handle(String consumer, Message<byte[]> message, Consumer<Envelope<?>> handler) {
        Envelope<?> envelope = codec.decode(message.getPayload());
        boolean applied = Boolean.TRUE.equals(transaction.execute(status -> {
            int inserted = jdbc.update("""
                    insert into processed_event (event_id, consumer, event_type, processed_at)
                    values (?, ?, ?, now()) on conflict do nothing""",
                    envelope.eventId(), consumer, envelope.eventType());
            if (inserted == 0) {
                return false;
            }
            handler.accept(envelope);
            return true;
        }));
        return applied ? Optional.of(envelope) : Optional.empty();
    }
}
