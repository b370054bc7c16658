package vn.ntm.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import vn.ntm.contracts.Envelope;
import vn.ntm.support.messaging.store.PublishedBy;

/**
 * Sends integration events to a Spring Cloud Stream output binding, keyed by unit. A send is asynchronous (so the
 * Kafka producer batches), but {@link #publish} does not return as done before Kafka acknowledged it: it hands the
 * acknowledgement to the {@link AcknowledgementWait}, which waits for it at once or — in an Axon processor's batch —
 * at the end of the batch, before its transaction commits. A send that Kafka did not acknowledge throws there; the
 * calling Axon processor then keeps its token where it was and retries, which is what makes the event store the
 * outbox. In a service with an event store, every message carries the store's id and the service's name
 * ({@link PublishedBy}), so a topic's records can be traced to the store they came from (docs/adr/0019).
 */
public class EventPublisher {

    public static final String EVENT_TYPE_HEADER = "ntm_event_type";

    private final StreamBridge streamBridge;
    private final EventCodec codec;
    private final SendAcknowledgements acknowledgements;
    private final AcknowledgementWait wait;
    private final PublishedBy publishedBy;

    /** @param publishedBy the event store the messages come from; {@code null} in a service without one */
    public EventPublisher(StreamBridge streamBridge, EventCodec codec, SendAcknowledgements acknowledgements,
                          AcknowledgementWait wait, PublishedBy publishedBy) {
        this.streamBridge = streamBridge;
        this.codec = codec;
        this.acknowledgements = acknowledgements;
        this.wait = wait;
        this.publishedBy = publishedBy;
    }

    /** Sends and makes sure the send is acknowledged before the caller's work counts as done (see the class). */
    public void publish(String binding, Envelope<?> envelope) {
        wait.await(send(binding, envelope), envelope.eventType() + " " + envelope.eventId());
    }

    /**
     * Sends without waiting: the future completes when Kafka acknowledged the event and fails when it did not (or
     * gave no answer in time). For derived, best-effort messages such as the dashboard feed.
     */
    public CompletableFuture<Void> send(String binding, Envelope<?> envelope) {
        // read before a send is expected: a store that cannot be read leaves no answer pending
        String store = publishedBy == null ? null : publishedBy.store().get().toString();
        SendAcknowledgements.Pending pending = acknowledgements.expect();
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(codec.encode(envelope))
                .setHeader(KafkaHeaders.KEY, envelope.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(EVENT_TYPE_HEADER, envelope.eventType())
                .setHeader(SendAcknowledgements.SEND_ID_HEADER, pending.sendId())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE);
        if (store != null) {
            builder.setHeader(PublishedBy.STORE_HEADER, store)
                    .setHeader(PublishedBy.PRODUCER_HEADER, publishedBy.producer());
        }
        Message<byte[]> message = builder.build();
        try {
            if (!streamBridge.send(binding, message)) {
                throw new IllegalStateException("Kafka did not accept " + envelope.eventType() + " "
                        + envelope.eventId());
            }
        } catch (RuntimeException e) {
            acknowledgements.abandon(pending.sendId(), e);
            throw e;
        }
        return pending.ack();
    }

    /** Where a caller waits for Kafka's acknowledgement of a send. */
    @FunctionalInterface
    public interface AcknowledgementWait {

        /** Waits for {@code ack} (or arranges that its failure fails the caller's work); {@code what} names it. */
        void await(CompletableFuture<Void> ack, String what);

        /** Waits here and now: the caller goes on only once Kafka acknowledged. */
        AcknowledgementWait NOW = (ack, what) -> join(ack, what);

        /** Returns when {@code ack} completed; throws when Kafka refused it or gave no answer in time. */
        static void join(CompletableFuture<Void> ack, String what) {
            try {
                ack.join();
            } catch (CompletionException e) {
                throw new IllegalStateException("Kafka did not acknowledge " + what + ": " + e.getCause(),
                        e.getCause());
            }
        }
    }
}
