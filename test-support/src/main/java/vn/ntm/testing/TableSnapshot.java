package vn.ntm.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every table of a service's database (every base table of every schema but PostgreSQL's own: the read models — in
 * reporting's two generations, {@code rm_blue} and {@code rm_green}, too —, Axon's event store, tokens, sagas and dead
 * letters, the consumers' processed events, Flyway's history), each as {@code schema.table}, its row count and a
 * checksum of its content — the proof that a request wrote nothing. The list of tables is read at every snapshot, so a
 * table created or dropped shows as well.
 *
 * <p>The checksum is the sum of a 64-bit hash of each row's text: one pass, no sort (on 5,000 rows of 1 KB, 32 ms
 * against 53 ms for an md5 of the sorted rows' md5s). Columns that move by time alone are named with {@link #moving}
 * and left out of the checksum, each with its reason at the call; nothing else is left out.
 */
public final class TableSnapshot {

    /**
     * Every table of every schema of the database but the system's: reporting's generations too (from pg_catalog, a
     * few times faster than information_schema, which checks privileges row by row).
     */
    private static final String TABLES = "select n.nspname || '.' || c.relname from pg_class c"
            + " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p')"
            + " and n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%' order by 1";

    private final JdbcTemplate jdbc;
    private final Map<String, Set<String>> moving = new HashMap<>();
    private final Map<List<String>, String> queries = new HashMap<>();

    private TableSnapshot(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static TableSnapshot of(JdbcTemplate jdbc) {
        return new TableSnapshot(jdbc);
    }

    /**
     * The axon {@code token_entry} table as the comparison needs it: a processor's claim is renewed by time alone
     * ({@code timestamp}, {@code owner}), and its {@code token} and {@code token_type} (its position in the event
     * store; the type is set with the first position stored) follow the events stored before, caught up in the
     * background by segments that may wait seconds for an event of theirs — a refused request that stored an event
     * shows in {@code domain_event_entry}, compared whole. A segment added, split, merged or removed still shows.
     * With them, what several instances renew by time alone (docs/adr/0017): the live instances' {@code beat_at}
     * and ShedLock's lock on a scheduled job ({@code shedlock}: when, until when, by whom; its rows are there from the
     * migration on, so an instance or a job appearing still shows).
     */
    public TableSnapshot axonTokens() {
        return moving("token_entry", "timestamp", "owner", "token", "token_type")
                .moving("service_instance", "beat_at")
                .moving("shedlock", "lock_until", "locked_at", "locked_by");
    }

    /**
     * Columns of {@code table} (unqualified: in whichever schema it is) that change with time alone: left out of its
     * checksum (say why at the call).
     */
    public TableSnapshot moving(String table, String... columns) {
        moving.computeIfAbsent(table, t -> new TreeSet<>()).addAll(List.of(columns));
        queries.clear();
        return this;
    }

    /** Each table ({@code schema.table}) → {@code "<rows> rows, <checksum>"}. */
    public Map<String, String> take() {
        List<String> tables = jdbc.queryForList(TABLES, String.class);
        String sql = queries.computeIfAbsent(tables, this::query);
        Map<String, String> snapshot = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            snapshot.put(rs.getString(1), rs.getLong(2) + " rows, " + rs.getString(3));
        });
        return snapshot;
    }

    /**
     * A poll for waiting until nothing moves: each call takes a snapshot and answers it when it equals the one the
     * previous call took, else null. Use a fresh one per wait, with Awaitility:
     * {@code await().pollInterval(ofMillis(50)).until(tables.quiet(), Objects::nonNull)}.
     */
    public Callable<Map<String, String>> quiet() {
        AtomicReference<Map<String, String>> previous = new AtomicReference<>();
        return () -> {
            Map<String, String> now = take();
            return now.equals(previous.getAndSet(now)) ? now : null;
        };
    }

    /** The tables whose row count or content differ, with both states; empty when none does. */
    public static String difference(Map<String, String> before, Map<String, String> after) {
        Set<String> tables = new TreeSet<>(before.keySet());
        tables.addAll(after.keySet());
        return tables.stream().filter(t -> !java.util.Objects.equals(before.get(t), after.get(t)))
                .map(t -> t + ": " + before.getOrDefault(t, "absent") + " -> " + after.getOrDefault(t, "absent"))
                .collect(Collectors.joining("; "));
    }

    private String query(List<String> tables) {
        return tables.stream().map(this::tableQuery).collect(Collectors.joining(" union all "));
    }

    private String tableQuery(String table) {
        String schema = table.substring(0, table.indexOf('.'));
        String name = table.substring(table.indexOf('.') + 1);
        String source = quote(schema) + "." + quote(name);
        Set<String> skipped = moving.getOrDefault(name, Set.of());
        if (!skipped.isEmpty()) {
            List<String> columns = jdbc.queryForList("select column_name from information_schema.columns"
                    + " where table_schema = ? and table_name = ? order by ordinal_position",
                    String.class, schema, name);
            String kept = columns.stream().filter(c -> !skipped.contains(c)).map(TableSnapshot::quote)
                    .collect(Collectors.joining(", "));
            source = "(select " + kept + " from " + source + ")";
        }
        return "(select '" + table.replace("'", "''") + "', count(*),"
                + " coalesce(sum(hashtextextended(t::text, 0)::numeric)::text, '-') from " + source + " t)";
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
