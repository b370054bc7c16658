package vn.ntm.support.messaging.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.ntm.support.messaging.store.PublishingStore.Disagreement;

/**
 * Checks at start — before Axon's processors start, so before the publisher sends anything that would hide a
 * restored store's gap — that the service's topic holds what its event store published and nothing else
 * ({@link StoreTopicAgreement}); says so in an ERROR line when they disagree, and keeps the verdict for readiness
 * ({@link StoreTopicsHealth}). A disagreement found in the records is recorded in the store's
 * {@code topic_disagreement} table, so that later starts still see it after newer events were published, until
 * the topic is deleted and created again (Kafka then gives it a new id) or an operator deletes the row.
 */
public class StoreTopicCheck extends CheckAtStart {

    private static final Logger log = LoggerFactory.getLogger(StoreTopicCheck.class);

    private final String topic;
    private final String producer;
    private final PublishingStore store;
    private final TopicEndsReader reader;
    private final Clock clock;
    private volatile Verdict verdict;
    private volatile Instant checkedAt = Instant.MIN;

    public StoreTopicCheck(String topic, String producer, PublishingStore store, TopicEndsReader reader,
                           Clock clock) {
        this.topic = topic;
        this.producer = producer;
        this.store = store;
        this.reader = reader;
        this.clock = clock;
        this.verdict = Verdict.unknown(topic, "not checked yet");
    }

    /** Compares the topic with the store now, logs what changed and keeps the verdict. */
    public synchronized Verdict check() {
        Verdict found;
        try {
            found = compare();
        } catch (RuntimeException e) {
            found = Verdict.unknown(topic, "Could not compare " + topic + " with the event store: " + e.getMessage());
        }
        report(found);
        verdict = found;
        checkedAt = clock.instant();
        return found;
    }

    private Verdict compare() {
        TopicEnds ends = reader.read(topic, producer);
        Optional<Disagreement> recorded = store.recorded(topic);
        if (recorded.isPresent() && recorded.get().topicId().equals(ends.topicId())) {
            return new Verdict(Verdict.State.DISAGREE, topic, recorded.get().reason() + " (Found "
                    + recorded.get().foundAt() + " and kept in topic_disagreement until " + topic
                    + " is deleted and created again.)", List.of());
        }
        recorded.ifPresent(r -> store.forget(topic));
        Verdict found = StoreTopicAgreement.judge(ends, store.id(), store::holds, store.hasPublished());
        if (found.state() == Verdict.State.DISAGREE && !ends.empty()) {
            store.record(new Disagreement(topic, ends.topicId(), found.reason(), clock.instant()));
        }
        return found;
    }

    private void report(Verdict found) {
        if (found.equals(verdict)) {
            return;
        }
        switch (found.state()) {
            case DISAGREE -> log.error("{}'s event store and the Kafka topic {} disagree. {}", producer, topic,
                    found.reason());
            case UNKNOWN -> log.warn("{} (checked again when readiness is asked)", found.reason());
            case AGREE -> log.info("{} agrees with {}'s event store: {}", topic, producer, found.reason());
        }
    }

    public Verdict verdict() {
        return verdict;
    }

    /** When the verdict was reached. */
    public Instant checkedAt() {
        return checkedAt;
    }

    public String topic() {
        return topic;
    }
}
