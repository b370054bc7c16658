package vn.ntm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The machine's own limits for the platform's work: raw JDBC batch inserts and raw Kafka consumption. */
final class Baselines {

    private static final int BATCH = 1_000;

    private Baselines() {
    }

    /** What a baseline did. */
    record Outcome(long items, long bytes, double seconds) {
        double perSecond() {
            return items / seconds;
        }
    }

    /**
     * Inserts the measurements with JDBC batches of 1,000 (rewritten into multi-row inserts), committing each batch,
     * into a table of the shape reporting-service keeps them in, with its index: the fastest honest way to put the
     * same rows into the same PostgreSQL.
     */
    static Outcome jdbcBatchInsert(String jdbcUrl, String user, String password,
                                   List<MeasurementStream.Measurement> rows) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("reWriteBatchedInserts", "true");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, properties)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists raw_measurement");
                ddl.execute("""
                        create table raw_measurement (
                            event_id uuid primary key, unit_id uuid not null, criteria_set varchar(64) not null,
                            indicator_code varchar(16) not null, measurement_id uuid not null, value numeric,
                            numerator bigint, denominator bigint, passed boolean, evidence_document varchar(200),
                            evidence_office varchar(200), valid_on date not null, recorded_at timestamptz not null,
                            actor_subject varchar(200))""");
                ddl.execute("create index raw_measurement_unit on raw_measurement "
                        + "(unit_id, criteria_set, indicator_code, valid_on)");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into raw_measurement (event_id, unit_id, criteria_set, indicator_code, measurement_id,
                        value, numerator, denominator, passed, evidence_document, evidence_office, valid_on,
                        recorded_at, actor_subject)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                int inBatch = 0;
                for (MeasurementStream.Measurement m : rows) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, m.unitId());
                    insert.setString(3, m.criteriaSet());
                    insert.setString(4, m.indicatorCode());
                    insert.setObject(5, UUID.randomUUID());
                    insert.setBigDecimal(6, m.value());
                    setLong(insert, 7, m.numerator());
                    setLong(insert, 8, m.denominator());
                    if (m.passed() == null) {
                        insert.setNull(9, Types.BOOLEAN);
                    } else {
                        insert.setBoolean(9, m.passed());
                    }
                    insert.setString(10, m.document());
                    insert.setString(11, m.office());
                    insert.setObject(12, m.validOn());
                    insert.setTimestamp(13, Timestamp.from(Instant.now()));
                    insert.setString(14, "benchmark@thu-nghiem");
                    insert.addBatch();
                    if (++inBatch == BATCH) {
                        insert.executeBatch();
                        connection.commit();
                        inBatch = 0;
                    }
                }
                if (inBatch > 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return new Outcome(rows.size(), 0, (System.nanoTime() - start) / 1e9);
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** Reads every record of the topics from the beginning, as fast as a plain consumer can: records per second. */
    static Outcome kafkaConsume(String bootstrapServers, List<String> topics) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long records = 0;
            long bytes = 0;
            long start = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    bytes += record.value() == null ? 0 : record.value().length;
                }
            }
            return new Outcome(records, bytes, (System.nanoTime() - start) / 1e9);
        }
    }
}
