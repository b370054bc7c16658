package vn.ntm.support.messaging.store;

import java.util.UUID;

/**
 * What a record on a topic says of its origin.
 *
 * @param partition the partition
 * @param offset    the offset
 * @param store     the {@link PublishedBy#STORE_HEADER} it carries; {@code null} for a record published before
 *                  records carried it
 * @param eventId   the integration event's id; {@code null} when the record is not a readable event
 */
public record Stamp(int partition, long offset, UUID store, UUID eventId) {
}
