package vn.ntm.support.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * Which records a check counts as a service's, and the store id they carry. It would catch a check that counts
 * another producer's records as its own (a shared topic would look like a reset), one that skips records from
 * before the headers (an old topic would look empty), and reporting's check reading nothing (no producer given).
 */
class PublishedByTest {

    @Test
    void aRecordIsTheServicesWhenItNamesItOrNobody() {
        assertThat(PublishedBy.publishedBy(headers("criteria-service", null), "criteria-service")).isTrue();
        assertThat(PublishedBy.publishedBy(headers(null, null), "criteria-service")).isTrue();
        assertThat(PublishedBy.publishedBy(headers("village-service", null), "criteria-service")).isFalse();
    }

    @Test
    void withoutAProducerEveryRecordCounts() {
        assertThat(PublishedBy.publishedBy(headers("village-service", null), null)).isTrue();
    }

    @Test
    void theStoreIdIsReadPlainOrAsAJsonString() {
        UUID store = UUID.randomUUID();
        assertThat(PublishedBy.store(headers(null, store.toString()))).isEqualTo(store);
        assertThat(PublishedBy.store(headers(null, "\"" + store + "\""))).isEqualTo(store);
        assertThat(PublishedBy.store(headers(null, "not an id"))).isNull();
        assertThat(PublishedBy.store(headers(null, null))).isNull();
    }

    private static RecordHeaders headers(String producer, String store) {
        RecordHeaders headers = new RecordHeaders();
        if (producer != null) {
            headers.add(PublishedBy.PRODUCER_HEADER, producer.getBytes(StandardCharsets.UTF_8));
        }
        if (store != null) {
            headers.add(PublishedBy.STORE_HEADER, store.getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }
}
