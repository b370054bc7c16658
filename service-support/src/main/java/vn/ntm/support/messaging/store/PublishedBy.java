package vn.ntm.support.messaging.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers that say which event store a message comes from: {@value #STORE_HEADER} (the store's id) and
 * {@value #PRODUCER_HEADER} (the service that publishes it). A topic's records can then be traced to the store that
 * is their source of truth, and a store's check skips the records other producers put on its topic.
 *
 * @param producer the service ({@code spring.application.name})
 * @param store    the store's id, read once from its database when first needed
 */
public record PublishedBy(String producer, Supplier<UUID> store) {

    public static final String STORE_HEADER = "ntm-store";
    public static final String PRODUCER_HEADER = "ntm-producer";

    /** The store id a record carries, or {@code null} (none, or not an id). */
    static UUID store(Headers headers) {
        String value = text(headers.lastHeader(STORE_HEADER));
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether a record was published by {@code producer}: it names it, or it names nobody (older records); any
     * record when {@code producer} is {@code null}.
     */
    static boolean publishedBy(Headers headers, String producer) {
        String value = text(headers.lastHeader(PRODUCER_HEADER));
        return producer == null || value == null || value.equals(producer);
    }

    /** A header's text; a JSON string (as a header mapper may write it) is unquoted. */
    private static String text(Header header) {
        if (header == null || header.value() == null) {
            return null;
        }
        String text = new String(header.value(), StandardCharsets.UTF_8);
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1) : text;
    }
}
