package vn.ntm.support.messaging;

/**
 * A message that can never be handled, however often it is retried (truncated JSON, an unknown event type or schema
 * version): the bindings send it straight to the dead-letter topic.
 */
public class UndecodableEvent extends RuntimeException {

    public UndecodableEvent(String message) {
        super(message);
    }

    public UndecodableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
