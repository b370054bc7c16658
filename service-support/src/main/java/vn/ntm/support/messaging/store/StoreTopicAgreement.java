package vn.ntm.support.messaging.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Whether a topic holds what its event store published, and nothing else: the rule of docs/adr/0019 as a pure
 * function of the topic's ends and three facts of the store.
 * <ul>
 *   <li>a record carrying another store's id: the database was reset or replaced while Kafka kept the topic;</li>
 *   <li>a record (the oldest or newest of a partition) whose event the store does not hold: restored from an
 *       older backup (the record carries this store's id) or reset (records from before stores had ids);</li>
 *   <li>a topic empty or missing while the store's publisher went past stored events: Kafka lost them.</li>
 * </ul>
 */
public final class StoreTopicAgreement {

    static final String WHAT_TO_DO = "What to do: docs/operations.md, \"Resetting the local run\" (reset the"
            + " databases and Kafka together) or \"Restoring a service's database from a backup\". Until then"
            + " reporting cannot be rebuilt from this topic.";

    private StoreTopicAgreement() {
    }

    /**
     * @param ends         the topic's ends as the store's service wrote them
     * @param store        the store's id
     * @param holds        whether the store holds an event id
     * @param hasPublished whether the store's publisher went past a stored event
     */
    public static Verdict judge(TopicEnds ends, UUID store, Predicate<UUID> holds, boolean hasPublished) {
        String topic = ends.topic();
        if (ends.empty()) {
            return hasPublished
                    ? Verdict.disagree(topic, topic + " holds none of the events this service's event store has"
                            + " published (the topic is " + (ends.exists() ? "empty" : "missing") + "): Kafka's"
                            + " data was lost or the topic deleted. " + WHAT_TO_DO, List.of())
                    : Verdict.agree(topic, "nothing published yet");
        }
        List<Stamp> stamps = new ArrayList<>();
        ends.partitions().forEach(p -> {
            if (p.first() != null) {
                stamps.add(p.first());
                stamps.add(p.last());
            }
        });
        for (Stamp stamp : stamps) {
            if (stamp.store() != null && !stamp.store().equals(store)) {
                return Verdict.disagree(topic, topic + " holds events of another event store (store "
                        + stamp.store() + " at " + at(stamp) + "); this service's event store is " + store
                        + ". The database was reset or replaced while Kafka kept the topic. " + WHAT_TO_DO, stamps);
            }
        }
        for (Stamp stamp : stamps) {
            if (stamp.eventId() != null && !holds.test(stamp.eventId())) {
                return Verdict.disagree(topic, stamp.store() != null
                        ? "The event store lacks event " + stamp.eventId() + ", which it published to " + topic
                                + " (" + at(stamp) + "): the database was restored from a backup older than the"
                                + " topic, and the topic holds events the store no longer has. " + WHAT_TO_DO
                        : "The event store does not hold event " + stamp.eventId() + " found on " + topic + " ("
                                + at(stamp) + "): the database was reset, or restored from an older backup, while"
                                + " Kafka kept the topic. " + WHAT_TO_DO, stamps);
            }
        }
        return Verdict.agree(topic, "the oldest and newest record of each partition are this store's events");
    }

    private static String at(Stamp stamp) {
        return "partition " + stamp.partition() + ", offset " + stamp.offset();
    }
}
