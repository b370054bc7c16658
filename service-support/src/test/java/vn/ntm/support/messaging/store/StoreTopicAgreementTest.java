package vn.ntm.support.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.ntm.support.messaging.store.Verdict.State;

/**
 * The rule of docs/adr/0019 as a table: the topic's ends and the store's facts → agree or disagree, and why. It would
 * catch a check that trusts the newest record alone (a reset store whose new events are newest), one that ignores
 * records without a store id (topics from before ids), one that calls an empty topic fine after publishing, and one
 * that takes a store's own id as proof that the event is still there (a restored store).
 */
class StoreTopicAgreementTest {

    private static final UUID MINE = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID KEPT = UUID.randomUUID();
    private static final UUID KEPT_TOO = UUID.randomUUID();
    private static final UUID LOST = UUID.randomUUID();
    private static final Set<UUID> STORE_HOLDS = Set.of(KEPT, KEPT_TOO);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("store and topic written together", ends(
                        partition(0, stamp(MINE, KEPT), stamp(MINE, KEPT_TOO))), true, State.AGREE, "oldest and newest"),
                Arguments.of("records from before store ids, all held", ends(
                        partition(0, stamp(null, KEPT), stamp(null, KEPT_TOO))), true, State.AGREE, "oldest"),
                Arguments.of("nothing published, nothing on the topic", ends(), false, State.AGREE, "nothing published"),
                Arguments.of("a partition empty, the other agrees", ends(partition(0, null, null),
                        partition(1, stamp(MINE, KEPT), stamp(MINE, KEPT))), true, State.AGREE, "oldest"),
                Arguments.of("database reset: the old store's records first, the new store's last", ends(
                        partition(0, stamp(OTHER, LOST), stamp(MINE, KEPT))), true, State.DISAGREE,
                        "another event store"),
                Arguments.of("database reset before anything was published", ends(
                        partition(0, stamp(OTHER, LOST), stamp(OTHER, LOST))), false, State.DISAGREE,
                        "another event store"),
                Arguments.of("database reset, records from before store ids", ends(
                        partition(0, stamp(null, LOST), stamp(null, LOST))), false, State.DISAGREE,
                        "reset, or restored"),
                Arguments.of("restored from an older backup: the newest event is gone", ends(
                        partition(0, stamp(MINE, KEPT), stamp(MINE, LOST))), true, State.DISAGREE,
                        "restored from a backup older than the topic"),
                Arguments.of("Kafka lost the topic's records", ends(partition(0, null, null)), true, State.DISAGREE,
                        "topic is empty"),
                Arguments.of("Kafka lost the topic", missing(), true, State.DISAGREE, "topic is missing"),
                Arguments.of("an unreadable record says nothing", ends(
                        partition(0, stamp(null, null), stamp(MINE, KEPT))), true, State.AGREE, "oldest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void judgesTheTopicAgainstItsStore(String situation, TopicEnds ends, boolean hasPublished, State expected,
                                       String reasonSays) {
        Verdict verdict = StoreTopicAgreement.judge(ends, MINE, STORE_HOLDS::contains, hasPublished);

        assertThat(verdict.state()).as(situation).isEqualTo(expected);
        assertThat(verdict.reason()).as(situation).contains(reasonSays);
        if (expected == State.DISAGREE) {
            assertThat(verdict.reason()).contains("docs/operations.md");
        }
    }

    private static long offset;

    private static Stamp stamp(UUID store, UUID eventId) {
        return new Stamp(0, offset++, store, eventId);
    }

    private static TopicEnds.Ends partition(int partition, Stamp first, Stamp last) {
        return new TopicEnds.Ends(partition, first, last);
    }

    private static TopicEnds ends(TopicEnds.Ends... partitions) {
        return new TopicEnds("ntm.test", "topic-id", List.of(partitions));
    }

    private static TopicEnds missing() {
        return new TopicEnds("ntm.test", "", List.of());
    }
}
