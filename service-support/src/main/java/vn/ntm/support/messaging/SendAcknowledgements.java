package vn.ntm.support.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessagingException;

/**
 * Kafka's answer to each send, as a future. The producer bindings are asynchronous and name
 * {@link #CHANNEL} as their {@code record-metadata-channel} (an acknowledged send comes back there with its
 * headers) and enable their error channel (a failed send reaches the global {@code errorChannel} as an error
 * message carrying the failed message). Each send is tagged with {@link #SEND_ID_HEADER}, which matches the answer
 * to its future. A send that gets no answer within the timeout fails, so no caller ever takes silence for an ack.
 */
public class SendAcknowledgements {

    /** The channel the Kafka binder reports acknowledged sends to ({@code record-metadata-channel}). */
    public static final String CHANNEL = "ntmSendAcknowledged";
    static final String SEND_ID_HEADER = "ntm_send_id";

    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final Duration timeout;

    public SendAcknowledgements(Duration timeout) {
        this.timeout = timeout;
    }

    /** A new send id and the future its answer completes. */
    Pending expect() {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Void> ack = new CompletableFuture<Void>()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        ack.whenComplete((ok, failed) -> pending.remove(id));
        pending.put(id, ack);
        return new Pending(id, ack);
    }

    record Pending(String sendId, CompletableFuture<Void> ack) {
    }

    /** A send that threw before it reached the producer: nobody will answer it. */
    void abandon(String sendId, Throwable cause) {
        CompletableFuture<Void> ack = pending.remove(sendId);
        if (ack != null) {
            ack.completeExceptionally(cause);
        }
    }

    /** Subscribed to {@link #CHANNEL}. */
    void acknowledged(Message<?> sent) {
        CompletableFuture<Void> ack = pending.get(String.valueOf(sent.getHeaders().get(SEND_ID_HEADER)));
        if (ack != null) {
            ack.complete(null);
        }
    }

    /** Subscribed to the global error channel, which also carries errors that are not about a send: those are left. */
    void failed(Message<?> error) {
        if (error.getPayload() instanceof MessagingException e && e.getFailedMessage() != null) {
            CompletableFuture<Void> ack = pending.get(String.valueOf(
                    e.getFailedMessage().getHeaders().get(SEND_ID_HEADER)));
            if (ack != null) {
                ack.completeExceptionally(e.getCause() == null ? e : e.getCause());
            }
        }
    }

    int pendingCount() {
        return pending.size();
    }
}
