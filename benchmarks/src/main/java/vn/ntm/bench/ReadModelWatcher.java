package vn.ntm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches reporting-service's read model ({@code measurement_history}) for measurements the latency test sent, and
 * notes when each becomes visible. One query every {@link #INTERVAL_MS} ms for all that are still pending, through
 * the table's (unit, set, indicator, valid date) index: a resolution of a few milliseconds at a negligible load.
 * A query costs PostgreSQL in proportion to what is pending, so with many pending (the platform lags seconds behind)
 * the pause between queries grows by a millisecond per {@link #PENDING_PER_MS} pending (polled every 5 ms with a
 * thousand pending, PostgreSQL would probe the index 200,000 times a second for the watcher alone).
 */
final class ReadModelWatcher implements AutoCloseable {

    static final int INTERVAL_MS = 5;
    static final int PENDING_PER_MS = 20;

    private final Connection connection;
    private final PreparedStatement query;
    private final Map<String, MeasurementStream.Measurement> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "read-model-watcher");
        t.setDaemon(true);
        return t;
    });
    private volatile SQLException failure;

    ReadModelWatcher(String jdbcUrl, String user, String password, String criteriaSet) throws SQLException {
        connection = DriverManager.getConnection(jdbcUrl, user, password);
        query = connection.prepareStatement("""
                select m.unit_id::text, m.indicator_code, m.valid_on::text
                from unnest(?::text[], ?::text[], ?::text[]) as p(unit_id, indicator_code, valid_on)
                join measurement_history m on m.unit_id = p.unit_id::uuid and m.criteria_set = ?
                                          and m.indicator_code = p.indicator_code and m.valid_on = p.valid_on::date""");
        query.setString(4, criteriaSet);
        poller.schedule(this::pollAndReschedule, INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    private void pollAndReschedule() {
        try {
            poll();
        } finally {
            if (!poller.isShutdown()) {
                poller.schedule(this::pollAndReschedule, Math.max(INTERVAL_MS, pending.size() / PENDING_PER_MS),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    void watch(MeasurementStream.Measurement measurement) {
        pending.put(measurement.key(), measurement);
    }

    Long visibleAt(String key) {
        return visibleAt.get(key);
    }

    int pending() {
        return pending.size();
    }

    private void poll() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> units = new ArrayList<>();
        List<String> indicators = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        pending.values().forEach(m -> {
            units.add(m.unitId().toString());
            indicators.add(m.indicatorCode());
            dates.add(m.validOn().toString());
        });
        try {
            query.setArray(1, connection.createArrayOf("text", units.toArray()));
            query.setArray(2, connection.createArrayOf("text", indicators.toArray()));
            query.setArray(3, connection.createArrayOf("text", dates.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                long now = System.nanoTime();
                while (rs.next()) {
                    String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                    if (pending.remove(key) != null) {
                        visibleAt.put(key, now);
                    }
                }
            }
        } catch (SQLException e) {
            failure = e;
        }
    }

    void check() {
        if (failure != null) {
            throw new IllegalStateException("Watching the read model failed", failure);
        }
    }

    @Override
    public void close() throws SQLException {
        poller.shutdownNow();
        connection.close();
    }
}
