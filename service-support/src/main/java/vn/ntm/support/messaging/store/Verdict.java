package vn.ntm.support.messaging.store;

import java.util.List;

/**
 * What a check found about a topic.
 *
 * @param state   whether the topic and the event store agree
 * @param topic   the topic
 * @param reason  what was found, in an operator's words, with what to do when they disagree
 * @param records the records the verdict rests on (the partitions' ends)
 */
public record Verdict(State state, String topic, String reason, List<Stamp> records) {

    public enum State {
        AGREE, DISAGREE, UNKNOWN
    }

    public Verdict {
        records = List.copyOf(records);
    }

    static Verdict agree(String topic, String reason) {
        return new Verdict(State.AGREE, topic, reason, List.of());
    }

    static Verdict disagree(String topic, String reason, List<Stamp> records) {
        return new Verdict(State.DISAGREE, topic, reason, records);
    }

    static Verdict unknown(String topic, String reason) {
        return new Verdict(State.UNKNOWN, topic, reason, List.of());
    }
}
