package vn.ntm.support.messaging.store;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For a service that rebuilds from topics (reporting-service): whether a topic holds the events of more than one
 * event store — two histories, as after a producer's database was reset while Kafka kept the topic. A replay would
 * import both. Looks at each partition's oldest and newest record ({@link TopicEndsReader}); records from before
 * stores had ids say nothing.
 */
public class TopicHistories extends CheckAtStart {

    private static final Logger log = LoggerFactory.getLogger(TopicHistories.class);

    private final List<String> topics;
    private final TopicEndsReader reader;
    private final Clock clock;
    private volatile List<Verdict> verdicts;
    private volatile Instant checkedAt = Instant.MIN;

    public TopicHistories(List<String> topics, TopicEndsReader reader, Clock clock) {
        this.topics = List.copyOf(topics);
        this.reader = reader;
        this.clock = clock;
        this.verdicts = topics.stream().map(t -> Verdict.unknown(t, "not checked yet")).toList();
    }

    /** Reads each topic's ends now and keeps what it found. */
    public synchronized List<Verdict> check() {
        List<Verdict> found = topics.stream().map(this::check).toList();
        found.stream().filter(v -> !verdicts.contains(v) && v.state() == Verdict.State.DISAGREE)
                .forEach(v -> log.error("{}", v.reason()));
        verdicts = found;
        checkedAt = clock.instant();
        return found;
    }

    private Verdict check(String topic) {
        TopicEnds ends;
        try {
            ends = reader.read(topic, null);
        } catch (RuntimeException e) {
            return Verdict.unknown(topic, "Could not read " + topic + ": " + e.getMessage());
        }
        return judge(ends);
    }

    /** Pure: two different store ids among the records read mean two histories. */
    static Verdict judge(TopicEnds ends) {
        List<Stamp> stamps = ends.partitions().stream().flatMap(p -> Stream.of(p.first(), p.last()))
                .filter(Objects::nonNull).toList();
        Set<UUID> stores = new LinkedHashSet<>();
        stamps.stream().map(Stamp::store).filter(Objects::nonNull).forEach(stores::add);
        if (stores.size() > 1) {
            return Verdict.disagree(ends.topic(), ends.topic() + " holds the events of " + stores.size()
                    + " event stores " + stores + ": its producer's database was reset or replaced while Kafka"
                    + " kept the topic, and a replay would import both histories. "
                    + StoreTopicAgreement.WHAT_TO_DO, stamps);
        }
        return Verdict.agree(ends.topic(), stores.isEmpty() ? "no record names its event store"
                : "one event store: " + stores.iterator().next());
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    public Instant checkedAt() {
        return checkedAt;
    }
}
