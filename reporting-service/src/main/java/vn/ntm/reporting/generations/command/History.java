package vn.ntm.reporting.generations.command;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/** Where a replay reads history from: the Kafka topics the live consumers read, kept forever (ADR 7). */
public interface History {

    /** Each topic with the consumer name its events are recorded under in {@code processed_event}. */
    Map<String, String> consumers();

    /** A consumer of no group and without commits, to read the topics from their start. */
    KafkaConsumer<byte[], byte[]> open();

    /** The topics with their partitions and retention. */
    List<Source> sources();

    /** A topic history is replayed from, and how long the broker keeps its records (-1: forever). */
    record Source(String topic, int partitions, Long retentionMs, boolean keptForever) {
    }
}
