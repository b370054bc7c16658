package vn.ntm.support.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import vn.ntm.contracts.Envelope;

/**
 * Sends integration events to a Spring Cloud Stream output binding, keyed by unit. The bindings are configured
 * synchronous, so a send that Kafka did not acknowledge throws; the calling Axon processor then keeps its token
 * where it was and retries, which is what makes the event store the outbox.
 */
public class EventPublisher {

    public static final String EVENT_TYPE_HEADER = "ntm_event_type";

    private final StreamBridge streamBridge;
    private final EventCodec codec;

    public EventPublisher(StreamBridge streamBridge, EventCodec codec) {
        this.streamBridge = streamBridge;
        this.codec = codec;
    }

    public void publish(String binding, Envelope<?> envelope) {
        Message<byte[]> message = MessageBuilder.withPayload(codec.encode(envelope))
                .setHeader(KafkaHeaders.KEY, envelope.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(EVENT_TYPE_HEADER, envelope.eventType())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("Kafka did not accept " + envelope.eventType() + " " + envelope.eventId());
        }
    }
}
