package vn.ntm.support.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What reporting-service says of a topic it rebuilds from. It would catch a check that compares only within one
 * partition (the old store's records in one, the new store's in another) and one that counts records from before
 * store ids as a history of their own (every topic older than the ids would be reported).
 */
class TopicHistoriesTest {

    private static final UUID OLD_STORE = UUID.randomUUID();
    private static final UUID NEW_STORE = UUID.randomUUID();

    @Test
    void twoStoresAcrossPartitionsAreTwoHistories() {
        Verdict verdict = TopicHistories.judge(ends(
                new TopicEnds.Ends(0, stamp(OLD_STORE), stamp(OLD_STORE)),
                new TopicEnds.Ends(1, stamp(NEW_STORE), stamp(NEW_STORE))));

        assertThat(verdict.state()).isEqualTo(Verdict.State.DISAGREE);
        assertThat(verdict.reason()).contains("2 event stores", OLD_STORE.toString(), NEW_STORE.toString());
    }

    @Test
    void recordsWithoutAStoreIdBesideOneStoreAreOneHistory() {
        Verdict verdict = TopicHistories.judge(ends(new TopicEnds.Ends(0, stamp(null), stamp(NEW_STORE))));

        assertThat(verdict.state()).isEqualTo(Verdict.State.AGREE);
        assertThat(verdict.reason()).contains(NEW_STORE.toString());
    }

    @Test
    void anEmptyTopicIsOneHistory() {
        assertThat(TopicHistories.judge(ends(new TopicEnds.Ends(0, null, null))).state())
                .isEqualTo(Verdict.State.AGREE);
    }

    private static Stamp stamp(UUID store) {
        return new Stamp(0, 0, store, UUID.randomUUID());
    }

    private static TopicEnds ends(TopicEnds.Ends... partitions) {
        return new TopicEnds("ntm.units", "id", List.of(partitions));
    }
}
