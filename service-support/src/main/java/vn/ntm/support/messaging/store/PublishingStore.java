package vn.ntm.support.messaging.store;

import java.util.Optional;
import java.util.UUID;

/**
 * What the topic check needs to know of the event store whose publisher writes a topic: the event store is the
 * source of truth, the topic a copy of what it published (docs/adr/0019). Implemented over the service's database
 * (service-support's axon package); plain here so the decision can be tested without one.
 */
public interface PublishingStore {

    /** The store's identity: a random id its first migration gave it, which every message it publishes carries. */
    UUID id();

    /** Whether the store holds the event of this id. */
    boolean holds(UUID eventId);

    /** Whether the store's publisher has gone past at least one stored event (so the topic cannot be empty). */
    boolean hasPublished();

    /** A disagreement found at an earlier start and not yet resolved, if any. */
    Optional<Disagreement> recorded(String topic);

    /** Keeps a disagreement found, so a restart does not hide it once the publisher has sent newer events. */
    void record(Disagreement disagreement);

    /** Forgets the topic's recorded disagreement: the topic was deleted and created again since. */
    void forget(String topic);

    /**
     * A disagreement between the store and its topic.
     *
     * @param topic   the topic
     * @param topicId Kafka's id of the topic when it was found ({@code ""} when the topic did not exist); a topic
     *                deleted and created again gets a new id, which ends the disagreement
     * @param reason  what was found, in an operator's words
     * @param foundAt when
     */
    record Disagreement(String topic, String topicId, String reason, java.time.Instant foundAt) {
    }
}
