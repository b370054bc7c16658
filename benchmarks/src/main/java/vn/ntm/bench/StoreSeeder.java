package vn.ntm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Grows criteria-service's event store to a given number of events in seconds rather than hours, for the growth
 * test. The method, in SQL inside PostgreSQL (no rows cross the network):
 * <ul>
 *   <li>every stored event of the run so far is copied, as many times as needed, into new aggregates
 *       ({@code seed-<n>-<original id>}) with new event ids and the original payloads, so the store holds real,
 *       readable events of realistic size;</li>
 *   <li>the copies take <em>negative</em> global indexes, below every real one. Axon's streaming processors read
 *       from their token upwards, so the {@code kafka-publisher} does not republish a million events — as in a
 *       store whose history was published long ago — and the service keeps running: no restart, no token surgery.
 *       The tables and their indexes are as large as with a million events written the slow way;</li>
 *   <li>the service's assessment log (its query table, written in the same transaction as each command) grows by
 *       the same number of rows, copied the same way for synthetic units; both tables are then analysed.</li>
 * </ul>
 */
final class StoreSeeder {

    private static final long CHUNK = 100_000;

    record Outcome(long eventsBefore, long eventsSeeded, long logRowsSeeded, double seconds) {
        double rowsPerSecond() {
            return (eventsSeeded + logRowsSeeded) / seconds;
        }
    }

    private StoreSeeder() {
    }

    static Outcome seed(String jdbcUrl, String user, String password, long targetEvents) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            long start = System.nanoTime();
            long events = count(connection, "select count(*) from domain_event_entry");
            long sources = count(connection, "select count(*) from domain_event_entry where global_index > 0");
            long lowest = count(connection, "select coalesce(-min(global_index), 0) from domain_event_entry "
                    + "where global_index < 0");
            long eventsToSeed = Math.max(0, targetEvents - events);
            long copy = 0;
            long seeded = 0;
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (global_index, sequence_number, meta_data, payload,
                        aggregate_identifier, event_identifier, payload_revision, payload_type, time_stamp, type)
                    select -(? + row_number() over ()), e.sequence_number, e.meta_data, e.payload,
                           'seed-' || g || '-' || e.aggregate_identifier, gen_random_uuid()::text,
                           e.payload_revision, e.payload_type, e.time_stamp, e.type
                    from generate_series(?::bigint, ?::bigint) g
                    cross join (select * from domain_event_entry where global_index > 0) e
                    limit ?""")) {
                while (seeded < eventsToSeed && sources > 0) {
                    long n = Math.min(CHUNK, eventsToSeed - seeded);
                    long copies = (n + sources - 1) / sources;
                    insert.setLong(1, lowest + seeded);
                    insert.setLong(2, copy);
                    insert.setLong(3, copy + copies - 1);
                    insert.setLong(4, n);
                    seeded += insert.executeUpdate();
                    copy += copies;
                }
            }
            long logRows = count(connection, "select count(*) from assessment_log");
            long logToSeed = Math.max(0, targetEvents - logRows);
            long logSeeded = 0;
            try (Statement snapshot = connection.createStatement()) {
                // the rows of the run itself, so that each chunk copies those and not earlier copies
                snapshot.execute("create temporary table log_source as select * from assessment_log");
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into assessment_log (event_id, unit_id, criteria_set, kind, code, measurement_id, previous,
                        status, value, numerator, denominator, passed, threshold, reason, evidence_document,
                        evidence_link, evidence_note, valid_on, recorded_at, recorded_by)
                    select gen_random_uuid(), md5('seed-' || g || '-' || l.unit_id)::uuid, l.criteria_set, l.kind,
                           l.code, md5('seed-' || g || '-' || l.measurement_id)::uuid, l.previous, l.status, l.value,
                           l.numerator, l.denominator, l.passed, l.threshold, l.reason, l.evidence_document,
                           l.evidence_link, l.evidence_note, l.valid_on, l.recorded_at, l.recorded_by
                    from generate_series(?::bigint, ?::bigint) g cross join log_source l
                    limit ?""")) {
                long logSources = logRows;
                while (logSeeded < logToSeed && logSources > 0) {
                    long n = Math.min(CHUNK, logToSeed - logSeeded);
                    long copies = (n + logSources - 1) / logSources;
                    insert.setLong(1, copy);
                    insert.setLong(2, copy + copies - 1);
                    insert.setLong(3, n);
                    logSeeded += insert.executeUpdate();
                    copy += copies;
                }
            }
            try (Statement analyse = connection.createStatement()) {
                analyse.execute("analyze domain_event_entry");
                analyse.execute("analyze assessment_log");
            }
            return new Outcome(events, seeded, logSeeded, (System.nanoTime() - start) / 1e9);
        }
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
