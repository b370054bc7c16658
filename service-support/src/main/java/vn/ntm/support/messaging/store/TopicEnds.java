package vn.ntm.support.messaging.store;

import java.util.List;

/**
 * The oldest and newest records a service published on a topic, per partition.
 *
 * @param topic      the topic
 * @param topicId    Kafka's id of the topic; {@code ""} when it does not exist
 * @param partitions each partition's ends
 */
public record TopicEnds(String topic, String topicId, List<Ends> partitions) {

    public boolean exists() {
        return !topicId.isEmpty();
    }

    /** Whether no partition holds a record of the service. */
    public boolean empty() {
        return partitions.stream().allMatch(p -> p.first() == null);
    }

    /**
     * @param partition the partition
     * @param first     its oldest record of the service ({@code null} when it holds none)
     * @param last      its newest one
     */
    public record Ends(int partition, Stamp first, Stamp last) {
    }
}
