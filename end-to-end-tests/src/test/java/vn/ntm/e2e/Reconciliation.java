package vn.ntm.e2e;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.ntm.launcher.Platform;

/**
 * The fault suite's ledger reconciled, by id, with each event store and every table downstream of it. Per table:
 * expected (what the ledger and the store say must be there), lost (expected, missing), duplicated (there more than
 * once: where a table's key is the event id itself, a second copy can only show as an event id the store never
 * stored, so those count as phantoms) and phantom (there although refused, absent from the store, or an event id the
 * store does not hold).
 */
final class Reconciliation {

    /** One table's reconciliation. */
    record Row(String table, int expected, int present, int lost, int duplicated, int phantom) {
        String line() {
            return String.format("  %-58s expected %4d  present %4d  lost %d  duplicated %d  phantom %d", table,
                    expected, present, lost, duplicated, phantom);
        }
    }

    private final Platform platform;
    private final CommandLedger ledger;
    private final String set;
    private final String commune;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> unknowns = new ArrayList<>();

    private Reconciliation(Platform platform, CommandLedger ledger, String set, String commune) {
        this.platform = platform;
        this.ledger = ledger;
        this.set = set;
        this.commune = commune;
    }

    static Reconciliation of(Platform platform, CommandLedger ledger, String set, String commune)
            throws SQLException {
        Reconciliation r = new Reconciliation(platform, ledger, set, commune);
        r.units();
        r.measurementsAndStatuses();
        return r;
    }

    List<Row> rows() {
        return rows;
    }

    int lost() {
        return rows.stream().mapToInt(Row::lost).sum();
    }

    int duplicated() {
        return rows.stream().mapToInt(Row::duplicated).sum();
    }

    int phantom() {
        return rows.stream().mapToInt(Row::phantom).sum();
    }

    String report() {
        return rows.stream().map(Row::line).collect(Collectors.joining("\n"))
                + "\n  commands of unknown outcome: " + String.join("; ", unknowns);
    }

    private void units() throws SQLException {
        Map<String, String> accepted = ledger.units.accepted();
        Set<String> unknown = ledger.units.unknown();
        Set<String> sent = ledger.units.allKeys();
        sent.addAll(accepted.values());
        // the store: every registration of a unit the client sent, and of any other unit under the test commune
        Map<String, List<String>> stored = group(query("village", """
                select aggregate_identifier, event_identifier from domain_event_entry
                where payload_type like '%.UnitRegistered'
                  and (aggregate_identifier = any(?) or convert_from(payload, 'UTF8')::jsonb ->> 'parentId' = ?)""",
                array(sent), commune));
        Set<String> expected = new TreeSet<>(accepted.values());
        unknown.stream().filter(stored::containsKey).forEach(expected::add);
        Set<String> absent = new HashSet<>(sent);
        absent.removeAll(expected);
        unknowns.add(String.format("units %d stored, %d not", unknown.stream().filter(stored::containsKey).count(),
                unknown.stream().filter(u -> !stored.containsKey(u)).count()));
        Set<String> mayBeStored = new HashSet<>(accepted.values());
        mayBeStored.addAll(unknown);
        Set<String> phantoms = new HashSet<>(stored.keySet());
        phantoms.removeAll(mayBeStored);
        row("village store: UnitRegistered (ledger ⊆ store)", new TreeSet<>(accepted.values()),
                counts(stored), phantoms);

        Set<String> eventIds = expected.stream().flatMap(u -> stored.getOrDefault(u, List.of()).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Object[] ids = {array(sent)};
        row("village unit_directory", expected, count("village",
                "select unit_id::text, count(*) from unit_directory where unit_id::text = any(?) group by 1", ids),
                absent);
        row("reporting unit_change (registrations)", expected, count("reporting", """
                select unit_id::text, count(*) from unit_change where kind = 'REGISTERED' and unit_id::text = any(?)
                group by 1""", ids), absent);
        row("reporting unit_version (current versions)", expected, count("reporting", """
                select unit_id::text, count(*) from unit_version where recorded_to is null
                  and unit_id::text = any(?) group by 1""", ids), absent);
        row("reporting processed_event reporting-units", eventIds,
                processed("reporting", "reporting-units", eventIds), Set.of());
        row("criteria known_unit", expected, count("criteria",
                "select unit_id::text, count(*) from known_unit where unit_id::text = any(?) group by 1", ids),
                absent);
        row("criteria known_unit_version", expected, count("criteria",
                "select unit_id::text, count(*) from known_unit_version where unit_id::text = any(?) group by 1",
                ids), absent);
        row("criteria processed_event criteria-units", eventIds,
                processed("criteria", "criteria-units", eventIds), Set.of());
    }

    private void measurementsAndStatuses() throws SQLException {
        // the commune's stored assessment events in store order: kind, event id, then what each kind needs
        List<String[]> events = query("criteria", """
                select e.payload_type, e.event_identifier, e.p ->> 'measurementId', e.p -> 'validOn',
                       e.p ->> 'criterionCode', e.p ->> 'status', e.p -> 'validFrom', e.p -> 'validUntil'
                from (select payload_type, event_identifier, global_index,
                             convert_from(payload, 'UTF8')::jsonb as p
                      from domain_event_entry
                      where payload_type like '%StatusChanged' or payload_type like '%.MeasurementRecorded') e
                where e.p ->> 'unitId' = ?
                order by e.global_index""", commune);

        Map<String, String> accepted = ledger.measurements.accepted();
        Set<String> unknown = ledger.measurements.unknown();
        Map<String, List<String>> storedByDate = new LinkedHashMap<>();
        Map<String, String> measurementEvents = new LinkedHashMap<>();
        Set<String> indicatorEvents = new TreeSet<>();
        Set<String> criterionEvents = new TreeSet<>();
        Set<String> setEvents = new TreeSet<>();
        List<Stretch> stretches = new ArrayList<>();
        for (String[] e : events) {
            String type = e[0];
            if (type.endsWith(".MeasurementRecorded")) {
                storedByDate.computeIfAbsent(date(e[3]), d -> new ArrayList<>()).add(e[2]);
                measurementEvents.put(e[1], e[2]);
            } else if (type.endsWith(".IndicatorStatusChanged")) {
                indicatorEvents.add(e[1]);
            } else if (type.endsWith(".CriterionStatusChanged")) {
                criterionEvents.add(e[1]);
                stretches.add(new Stretch(e[4], e[5], LocalDate.parse(date(e[6])), until(e[7])));
            } else if (type.endsWith(".CriteriaSetStatusChanged")) {
                setEvents.add(e[1]);
                stretches.add(new Stretch(Stretch.SET, e[5], LocalDate.parse(date(e[6])), until(e[7])));
            }
        }
        // the store against the ledger, by valid date (the key the client chose): each accepted one stored once,
        // with the measurement id its answer named; nothing stored that was refused or never sent
        Set<String> acceptedDates = accepted.keySet();
        int lost = (int) acceptedDates.stream()
                .filter(d -> !storedByDate.getOrDefault(d, List.of()).contains(accepted.get(d))).count();
        int duplicated = (int) storedByDate.values().stream().filter(ids -> ids.size() > 1).count();
        int phantom = (int) storedByDate.keySet().stream()
                .filter(d -> !acceptedDates.contains(d) && !unknown.contains(d)).count();
        rows.add(new Row("criteria store: MeasurementRecorded (ledger ⊆ store)", acceptedDates.size(),
                storedByDate.size(), lost, duplicated, phantom));

        unknowns.add(String.format("measurements %d stored, %d not",
                unknown.stream().filter(storedByDate::containsKey).count(),
                unknown.stream().filter(d -> !storedByDate.containsKey(d)).count()));
        Set<String> expected = new TreeSet<>(accepted.values());
        unknown.stream().filter(storedByDate::containsKey).forEach(d -> expected.addAll(storedByDate.get(d)));
        List<String[]> history = query("reporting", """
                select measurement_id, valid_on::text, count(*) from measurement_history
                where unit_id = ?::uuid group by 1, 2""", commune);
        Map<String, Long> byMeasurement = new HashMap<>();
        Set<String> absentIds = new HashSet<>();
        for (String[] h : history) {
            byMeasurement.merge(h[0], Long.parseLong(h[2]), Long::sum);
            if (!expected.contains(h[0])) {
                absentIds.add(h[0]);
            }
        }
        row("reporting measurement_history", expected, byMeasurement, absentIds);

        Set<String> measurementEventIds = new TreeSet<>(measurementEvents.keySet());
        Set<String> criteriaEvents = new TreeSet<>(measurementEventIds);
        criteriaEvents.addAll(indicatorEvents);
        criteriaEvents.addAll(criterionEvents);
        criteriaEvents.addAll(setEvents);
        row("reporting processed_event reporting-criteria (commune)", criteriaEvents,
                processed("reporting", "reporting-criteria", criteriaEvents), Set.of());
        eventSet("reporting status_history (indicators)", indicatorEvents,
                "select event_id::text, count(*) from status_history where unit_id = ?::uuid group by 1");
        eventSet("reporting rollup_status_history (criteria)", criterionEvents, """
                select event_id::text, count(*) from rollup_status_history
                where unit_id = ?::uuid and criterion_code is not null group by 1""");
        eventSet("reporting rollup_status_history (set)", setEvents, """
                select event_id::text, count(*) from rollup_status_history
                where unit_id = ?::uuid and criterion_code is null group by 1""");
        row("village processed_event village-criteria (commune)", criteriaEvents,
                processed("village", "village-criteria", criteriaEvents), Set.of());
        standings(stretches);
    }

    /** A table whose rows are keyed by event id: the set of its event ids for the commune equals the store's. */
    private void eventSet(String table, Set<String> stored, String sql) throws SQLException {
        Map<String, Long> present = count("reporting", sql, commune);
        Set<String> phantoms = new HashSet<>(present.keySet());
        phantoms.removeAll(stored);
        row(table, stored, present, phantoms);
    }

    /**
     * village-service's criteria standings are timelines folded from the stretches it heard (a stretch replaces what
     * was known of its dates): on every date where a stretch begins or ends, the status it holds for each criterion
     * and for the set must be what the store's stretches say, in store order, and exactly one row may cover it.
     * Lost counts dates whose status differs or is missing, duplicated dates covered by more than one row.
     */
    private void standings(List<Stretch> stored) throws SQLException {
        List<Stretch> village = new ArrayList<>();
        for (String[] r : query("village", """
                select criterion_code, status, valid_from::text, valid_until::text from criterion_standing
                where unit_id = ?::uuid and criteria_set = ?""", commune, set)) {
            village.add(new Stretch(r[0], r[1], LocalDate.parse(r[2]), r[3] == null ? null : LocalDate.parse(r[3])));
        }
        for (String[] r : query("village", """
                select status, valid_from::text, valid_until::text from set_standing
                where unit_id = ?::uuid and criteria_set = ?""", commune, set)) {
            village.add(new Stretch(Stretch.SET, r[0], LocalDate.parse(r[1]),
                    r[2] == null ? null : LocalDate.parse(r[2])));
        }
        int samples = 0;
        int lost = 0;
        int duplicated = 0;
        Set<String> keys = new TreeSet<>();
        stored.forEach(s -> keys.add(s.key()));
        village.forEach(s -> keys.add(s.key()));
        for (String key : keys) {
            Set<LocalDate> dates = new TreeSet<>();
            for (Stretch s : stored) {
                if (s.key().equals(key)) {
                    dates.add(s.from());
                    if (s.until() != null) {
                        dates.add(s.until());
                    }
                }
            }
            for (LocalDate date : dates) {
                samples++;
                String expected = null;
                for (Stretch s : stored) {
                    if (s.key().equals(key) && s.covers(date)) {
                        expected = s.status();
                    }
                }
                List<String> held = village.stream().filter(s -> s.key().equals(key) && s.covers(date))
                        .map(Stretch::status).toList();
                if (held.size() > 1) {
                    duplicated++;
                } else if (!Objects.equals(expected, held.isEmpty() ? null : held.get(0))) {
                    lost++;
                }
            }
        }
        rows.add(new Row("village criterion/set_standing (dates compared)", samples, village.size(), lost,
                duplicated, 0));
    }

    /** A stretch of a criterion's (or, keyed SET, the set's) status timeline: [from, until), until null = open. */
    private record Stretch(String key, String status, LocalDate from, LocalDate until) {
        static final String SET = "(set)";

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    /**
     * @param expected ids that must be present once
     * @param present  id → how many rows hold it
     * @param absent   ids that must not be present (refused, unknown and not stored, or outside the ledger)
     */
    private void row(String table, Collection<String> expected, Map<String, Long> present, Set<String> absent) {
        int lost = (int) expected.stream().filter(id -> !present.containsKey(id)).count();
        int duplicated = (int) present.values().stream().filter(n -> n > 1).count();
        int phantom = (int) present.keySet().stream().filter(absent::contains).count();
        rows.add(new Row(table, expected.size(), present.size(), lost, duplicated, phantom));
    }

    private Map<String, Long> processed(String service, String consumer, Set<String> eventIds) throws SQLException {
        return count(service, """
                select event_id::text, count(*) from processed_event where consumer = ? and event_id::text = any(?)
                group by 1""", consumer, array(eventIds));
    }

    private Map<String, Long> count(String service, String sql, Object... parameters) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        for (String[] r : query(service, sql, parameters)) {
            counts.put(r[0], Long.parseLong(r[1]));
        }
        return counts;
    }

    private static Map<String, Long> counts(Map<String, List<String>> grouped) {
        Map<String, Long> counts = new HashMap<>();
        grouped.forEach((k, v) -> counts.put(k, (long) v.size()));
        return counts;
    }

    private static Map<String, List<String>> group(List<String[]> pairs) {
        Map<String, List<String>> grouped = new HashMap<>();
        pairs.forEach(p -> grouped.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[1]));
        return grouped;
    }

    /** A date as the event serializer wrote it: "2022-04-01" or [2022,4,1]. */
    private static String date(String json) {
        String text = json.replaceAll("[\"\\[\\] ]", "");
        if (text.contains(",")) {
            String[] parts = text.split(",");
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))
                    .toString();
        }
        return text;
    }

    private static LocalDate until(String json) {
        return json == null || json.equals("null") ? null : LocalDate.parse(date(json));
    }

    /** Marks a parameter to be sent as a text[]. */
    private record TextArray(Collection<String> values) {
    }

    private static TextArray array(Collection<String> values) {
        return new TextArray(values);
    }

    private List<String[]> query(String service, String sql, Object... parameters) throws SQLException {
        String database = platform.settings().database(service);
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl(database),
                platform.postgres().user(), platform.postgres().password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof TextArray a) {
                    Array array = connection.createArrayOf("text", a.values().toArray());
                    statement.setArray(i + 1, array);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            List<String[]> result = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getString(c + 1);
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }
}
