package vn.ntm.reporting.statuses;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.MeasurementCorrected;
import vn.ntm.contracts.MeasurementRecorded;
import vn.ntm.contracts.MeasurementRetracted;
import vn.ntm.contracts.StatusCause;

/**
 * Folds criteria events into the status timelines ({@code status_history} for indicators, {@code rollup_status_history}
 * for criteria and whole sets), the measurement log and the catalogue (every version of every set).
 *
 * <p>A status event is a stretch of a timeline in valid time: from its {@code valid_on} until its {@code valid_until}
 * (exclusive; null: open-ended) the status is S, as the platform learnt at {@code recorded_at}. A stretch recorded
 * later replaces, for its dates, whatever was known of them before; the rows are never changed. So the status of a
 * key (unit, set, indicator or criterion; a null criterion is the whole set) on date D as known at time K is the row
 * whose stretch holds D among those recorded by K, the latest recorded, ties broken by arrival (several stretches of
 * one command share their recorded time). Nothing is stored as "current": that is the answer for today, as known now.
 */
@Component
public class StatusProjection {

    /** The latest date PostgreSQL and every query here accept: "whatever is latest". */
    public static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);
    private static final LocalDate START_OF_TIME = LocalDate.of(1, 1, 1);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Catalogue catalogue;
    /** The inserts of the fold running on this thread under {@link #batched}, by statement; none when live. */
    private final ThreadLocal<Map<String, List<Object[]>>> batch = new ThreadLocal<>();

    StatusProjection(JdbcTemplate jdbc, JsonMapper json, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.json = json;
        this.catalogue = catalogue;
    }

    /**
     * One indicator's status for one unit on some dates: a stretch of its timeline, with what it was judged from.
     *
     * @param validOn                the stretch's first date
     * @param validUntil             the day after its last (null: open-ended)
     * @param recordedAt             when the platform learnt it
     * @param governingMeasurementId the measurement judged on these dates; null with status UNKNOWN when none governs
     *                               them (none yet, or retracted)
     * @param causeKind              the kind of fact that changed the stretch ({@link StatusCause#kind()})
     */
    public record IndicatorStatusRow(String unitId, String criteriaSet, String criterionCode, String indicatorCode,
                                     String indicatorName, String status, BigDecimal value, String comparator,
                                     BigDecimal threshold, String unit, boolean thresholdVerified,
                                     String thresholdSource, LocalDate validOn, Instant recordedAt,
                                     String actorSubject, Integer setVersion, LocalDate validUntil,
                                     String causeKind, String governingMeasurementId) {
    }

    /**
     * Runs {@code fold} with this projection's history inserts collected per statement and sent as JDBC batches at
     * its end, in the caller's transaction. For a whole poll folded in one transaction (the replay and, since ADR 13,
     * the live consumers): the history tables only grow and nothing reads them during a fold, so the order between
     * tables does not matter, while each insert on its own cost a round trip. Within a table the rows are inserted in
     * the order folded, so their arrival sequence keeps the order of the stretches.
     */
    public void batched(Runnable fold) {
        Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
        batch.set(inserts);
        try {
            fold.run();
        } finally {
            batch.remove();
        }
        inserts.forEach(jdbc::batchUpdate);
    }

    private void insert(String sql, Object... args) {
        Map<String, List<Object[]>> inserts = batch.get();
        if (inserts == null) {
            jdbc.update(sql, args);
        } else {
            inserts.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        }
    }

    public void apply(Envelope<?> envelope) {
        Object payload = envelope.payload();
        if (payload instanceof CriteriaSetPublished set) {
            // every version is kept; a version is published once (a redelivery has the same event id)
            jdbc.update("""
                    insert into criteria_set_view (code, version, title_vi, title_en, level, legal_basis,
                                                   effective_from, effective_to, catalogue, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
                    on conflict (code, version) do nothing""",
                    set.code(), set.version(), set.titleVi(), set.titleEn(), set.level(), set.legalBasis(),
                    set.effectiveFrom(), set.effectiveTo(), json.writeValueAsString(set.criteria()),
                    Timestamp.from(envelope.recordedAt()));
        } else if (payload instanceof MeasurementRecorded m) {
            insert("""
                    insert into measurement_history (event_id, unit_id, criteria_set, indicator_code, measurement_id,
                        value, numerator, denominator, passed, evidence_document, valid_on, recorded_at,
                        actor_subject, actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(), UUID.fromString(envelope.unitId()), m.criteriaSetId(), m.indicatorCode(),
                    m.measurementId(), m.value(), m.numerator(), m.denominator(), m.passed(), m.evidenceDocument(),
                    envelope.validOn(), Timestamp.from(envelope.recordedAt()), subject(envelope), role(envelope));
        } else if (payload instanceof IndicatorStatusChanged c) {
            insert("""
                    insert into status_history (event_id, unit_id, criteria_set, criterion_code, indicator_code,
                        status, value, comparator, threshold, unit, threshold_verified, threshold_source,
                        cause_measurement, cause_kind, set_version, valid_on, valid_until, recorded_at, actor_subject,
                        actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(), UUID.fromString(envelope.unitId()), c.criteriaSetId(), c.criterionCode(),
                    c.indicatorCode(), c.status(), c.value(), c.comparator(), c.threshold(), c.unit(),
                    c.thresholdVerified(), c.thresholdSource(), c.governingMeasurementId(), kind(c.cause()),
                    version(c.setVersion()), envelope.validOn(), c.validUntil(),
                    Timestamp.from(envelope.recordedAt()), subject(envelope), role(envelope));
        } else if (payload instanceof CriterionStatusChanged c) {
            rollup(envelope, c.criteriaSetId(), c.criterionCode(), c.status(), c.validUntil(), null, null,
                    c.setVersion(), c.cause());
        } else if (payload instanceof CriteriaSetStatusChanged c) {
            rollup(envelope, c.criteriaSetId(), null, c.status(), c.validUntil(), c.criteriaMet(), c.criteriaTotal(),
                    c.setVersion(), c.cause());
        } else if (payload instanceof MeasurementCorrected c) {
            amendment(envelope, c.measurementId(), "CORRECTED", c.value(), c.numerator(), c.denominator(), c.passed(),
                    c.reason());
        } else if (payload instanceof MeasurementRetracted r) {
            amendment(envelope, r.measurementId(), "RETRACTED", null, null, null, null, r.reason());
        }
    }

    private void rollup(Envelope<?> envelope, String set, String criterion, String status, LocalDate validUntil,
                        Integer met, Integer total, int setVersion, StatusCause cause) {
        insert("""
                insert into rollup_status_history (event_id, unit_id, criteria_set, criterion_code, status,
                    criteria_met, criteria_total, cause_measurement, cause_kind, set_version, valid_on, valid_until,
                    recorded_at, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), UUID.fromString(envelope.unitId()), set, criterion, status, met, total,
                cause == null ? null : cause.measurementId(), kind(cause), version(setVersion), envelope.validOn(),
                validUntil, Timestamp.from(envelope.recordedAt()), subject(envelope));
    }

    private void amendment(Envelope<?> envelope, String measurementId, String kind, BigDecimal value, Long numerator,
                           Long denominator, Boolean passed, String reason) {
        insert("""
                insert into measurement_amendment (event_id, unit_id, measurement_id, kind, value, numerator,
                    denominator, passed, reason, valid_on, recorded_at, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), UUID.fromString(envelope.unitId()), measurementId, kind, value, numerator,
                denominator, passed, reason, envelope.validOn(), Timestamp.from(envelope.recordedAt()),
                subject(envelope));
    }

    /**
     * A criterion's status ({@code criterionCode} set) or a whole set's ({@code criterionCode} null) on some dates:
     * a stretch of its timeline. For a set, {@code criteriaMet} of {@code criteriaTotal} criteria are met on those
     * dates, by set version {@code setVersion} (null: not named, a change published before timelines existed).
     */
    public record RollupStatusRow(String unitId, String criteriaSet, String criterionCode, String status,
                                  Integer criteriaMet, Integer criteriaTotal, LocalDate validOn, LocalDate validUntil,
                                  Integer setVersion, Instant recordedAt, String causeKind) {
    }

    /**
     * Each indicator's status on {@code on} as known at {@code knownAt}: of the stretches that hold that date and
     * were recorded by then, the latest recorded. An indicator that the set version in force that day does not have
     * is left out (a version that drops it publishes nothing for it). {@code units} null means every unit.
     */
    public List<IndicatorStatusRow> indicators(Collection<UUID> units, LocalDate on, Instant knownAt) {
        List<IndicatorStatusRow> rows = jdbc.query("""
                select distinct on (h.unit_id, h.criteria_set, h.indicator_code) """ + INDICATOR_COLUMNS + """
                from status_history h
                where (cast(? as uuid[]) is null or h.unit_id = any(?))
                  and h.valid_on <= ? and (h.valid_until is null or h.valid_until > ?) and h.recorded_at <= ?
                order by h.unit_id, h.criteria_set, h.indicator_code, h.recorded_at desc, h.arrival desc""",
                indicatorRow(), ids(units), ids(units), on, on, Timestamp.from(knownAt));
        return inForce(rows, IndicatorStatusRow::criteriaSet, on, knownAt,
                (set, row) -> set.hasIndicator(row.indicatorCode()));
    }

    /**
     * Each criterion's and each whole set's status on {@code on} as known at {@code knownAt}, as for
     * {@link #indicators}: a set's counts of criteria met are those of that date.
     */
    public List<RollupStatusRow> rollups(Collection<UUID> units, LocalDate on, Instant knownAt) {
        List<RollupStatusRow> rows = jdbc.query("""
                select distinct on (unit_id, criteria_set, criterion_code) """ + ROLLUP_COLUMNS + """
                from rollup_status_history
                where (cast(? as uuid[]) is null or unit_id = any(?))
                  and valid_on <= ? and (valid_until is null or valid_until > ?) and recorded_at <= ?
                order by unit_id, criteria_set, criterion_code, recorded_at desc, arrival desc""",
                StatusProjection::rollupRow, ids(units), ids(units), on, on, Timestamp.from(knownAt));
        return inForce(rows, RollupStatusRow::criteriaSet, on, knownAt,
                (set, row) -> row.criterionCode() == null || set.criterion(row.criterionCode()) != null);
    }

    /** Leaves out rows of codes that the set version in force on {@code on} does not have (none: all are kept). */
    private <R> List<R> inForce(List<R> rows, Function<R, String> setOf, LocalDate on, Instant knownAt,
                                java.util.function.BiPredicate<Catalogue.CriteriaSet, R> has) {
        Catalogue.Versions catalogue = this.catalogue.current();
        Map<String, Optional<Catalogue.CriteriaSet>> versions = new LinkedHashMap<>();
        return rows.stream().filter(row -> versions
                .computeIfAbsent(setOf.apply(row), set -> catalogue.inForce(set, on, knownAt))
                .map(set -> has.test(set, row)).orElse(true)).toList();
    }

    /** A unit's indicator stretches as recorded, by valid date then recorded time (its indicator history). */
    public List<IndicatorStatusRow> history(UUID unitId) {
        return jdbc.query("select " + INDICATOR_COLUMNS + """
                from status_history h where h.unit_id = ?
                order by h.valid_on, h.recorded_at, h.arrival""",
                indicatorRow(), unitId);
    }

    /**
     * A stretch of an indicator's, a criterion's or a whole set's timeline as recorded: from {@code validOn} until
     * {@code validUntil} (null: open-ended) the status is {@code status}, learnt at {@code recordedAt}, caused by a
     * fact of kind {@code causeKind} about {@code causeMeasurement} (for an indicator: the measurement that governs
     * these dates), done by {@code actorSubject}.
     */
    public record Stretch(String unitId, String kind, String criteriaSet, String criterionCode, String indicatorCode,
                          String status, BigDecimal value, String comparator, BigDecimal threshold, String unit,
                          Boolean thresholdVerified, String thresholdSource, Integer criteriaMet,
                          Integer criteriaTotal, Integer setVersion, LocalDate validOn, LocalDate validUntil,
                          Instant recordedAt, String causeKind, String causeMeasurement, String actorSubject,
                          String eventId) {

        String key() {
            return unitId + "|" + kind + "|" + criteriaSet + "|" + criterionCode + "|" + indicatorCode;
        }
    }

    /**
     * Every stretch of the units' timelines (indicators, criteria, sets) recorded by {@code knownAt} that holds some
     * date of [{@code from}, {@code to}] ({@code from} null: from the start), in the order they were recorded.
     */
    public List<Stretch> stretches(Collection<UUID> units, LocalDate from, LocalDate to, Instant knownAt) {
        LocalDate first = from == null ? START_OF_TIME : from;
        return jdbc.query("""
                select unit_id::text, 'INDICATOR', criteria_set, criterion_code, indicator_code, status, value,
                       comparator, threshold, unit, threshold_verified, threshold_source, null::int, null::int,
                       set_version, valid_on, valid_until, recorded_at, cause_kind, cause_measurement, actor_subject,
                       event_id::text, arrival
                from status_history
                where unit_id = any(?) and valid_on <= ? and (valid_until is null or valid_until > ?)
                  and recorded_at <= ?
                union all
                select unit_id::text, case when criterion_code is null then 'SET' else 'CRITERION' end, criteria_set,
                       criterion_code, null, status, null, null, null, null, null, null, criteria_met, criteria_total,
                       set_version, valid_on, valid_until, recorded_at, cause_kind, cause_measurement, actor_subject,
                       event_id::text, arrival
                from rollup_status_history
                where unit_id = any(?) and valid_on <= ? and (valid_until is null or valid_until > ?)
                  and recorded_at <= ?
                order by 18, 2, 23""",
                (rs, n) -> new Stretch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getString(10), (Boolean) rs.getObject(11), rs.getString(12), (Integer) rs.getObject(13),
                        (Integer) rs.getObject(14), (Integer) rs.getObject(15), rs.getObject(16, LocalDate.class),
                        rs.getObject(17, LocalDate.class), rs.getTimestamp(18).toInstant(), rs.getString(19),
                        rs.getString(20), rs.getString(21), rs.getString(22)),
                ids(units), to, first, Timestamp.from(knownAt), ids(units), to, first, Timestamp.from(knownAt));
    }

    /**
     * One change of an indicator's, a criterion's or a whole set's status: on {@code validOn} it is {@code status},
     * the day before it was {@code previousStatus} (UNKNOWN when nothing was known of that day). Value, threshold,
     * counts and set version are those of the new status; recorded time, cause, actor and event are those of the
     * stretch that brought the change about (of the two stretches either side of the date, the one recorded later).
     */
    public record StatusChange(String unitId, String kind, String criteriaSet, String criterionCode,
                               String indicatorCode, String previousStatus, String status, BigDecimal value,
                               String comparator, BigDecimal threshold, String unit, Boolean thresholdVerified,
                               String thresholdSource, Integer criteriaMet, Integer criteriaTotal, Integer setVersion,
                               LocalDate validOn, Instant recordedAt, String causeKind, String actorSubject,
                               String eventId) {
    }

    /**
     * The status changes of the units (indicators, criteria, sets) between {@code from} and {@code to} as known at
     * {@code knownAt}: every date in ({@code from}, {@code to}] on which a key's status, as known then, differs from
     * its status the day before; computed from the timelines (each key's stretches overlaid, later recorded over
     * earlier), since a stretch recorded later can change any past date. In date order, then by key.
     */
    public List<StatusChange> changes(Collection<UUID> units, LocalDate from, LocalDate to, Instant knownAt) {
        Map<String, TreeMap<LocalDate, Stretch>> timelines = new LinkedHashMap<>();
        Map<String, Integer> order = new LinkedHashMap<>();
        List<Stretch> recorded = stretches(units, from, to, knownAt);
        for (int i = 0; i < recorded.size(); i++) {
            Stretch s = recorded.get(i);
            order.put(s.eventId(), i);
            overlay(timelines.computeIfAbsent(s.key(), k -> new TreeMap<>()), s);
        }
        LocalDate first = from == null ? START_OF_TIME : from;
        List<StatusChange> changes = new ArrayList<>();
        for (TreeMap<LocalDate, Stretch> timeline : timelines.values()) {
            for (Map.Entry<LocalDate, Stretch> change : timeline.subMap(first, false, to, true).entrySet()) {
                Map.Entry<LocalDate, Stretch> before = timeline.lowerEntry(change.getKey());
                Stretch was = before == null ? null : before.getValue();
                Stretch now = change.getValue();
                String previous = was == null ? "UNKNOWN" : was.status();
                String status = now == null ? "UNKNOWN" : now.status();
                if (previous.equals(status)) {
                    continue;
                }
                Stretch cause = was == null ? now : now == null ? was
                        : order.get(now.eventId()) > order.get(was.eventId()) ? now : was;
                Stretch shown = now != null ? now : was;
                changes.add(new StatusChange(shown.unitId(), shown.kind(), shown.criteriaSet(), shown.criterionCode(),
                        shown.indicatorCode(), previous, status, now == null ? null : now.value(),
                        now == null ? null : now.comparator(), now == null ? null : now.threshold(),
                        now == null ? null : now.unit(), now == null ? null : now.thresholdVerified(),
                        now == null ? null : now.thresholdSource(), now == null ? null : now.criteriaMet(),
                        now == null ? null : now.criteriaTotal(), now == null ? null : now.setVersion(),
                        change.getKey(), cause.recordedAt(), cause.causeKind(), cause.actorSubject(),
                        cause.eventId()));
            }
        }
        changes.sort(Comparator.comparing(StatusChange::validOn).thenComparing(StatusChange::unitId)
                .thenComparing(c -> KINDS.indexOf(c.kind())).thenComparing(StatusChange::criteriaSet)
                .thenComparing(c -> Objects.toString(c.criterionCode(), ""))
                .thenComparing(c -> Objects.toString(c.indicatorCode(), "")));
        return changes;
    }

    private static final List<String> KINDS = List.of("INDICATOR", "CRITERION", "SET");

    /**
     * Lays a stretch over a timeline kept as the dates its value changes on (a null value: nothing known from that
     * date): for its dates the stretch replaces what was there, after them what was there goes on.
     */
    private static void overlay(TreeMap<LocalDate, Stretch> timeline, Stretch s) {
        LocalDate until = s.validUntil();
        if (until != null && !until.isAfter(s.validOn())) {
            return;
        }
        Map.Entry<LocalDate, Stretch> atEnd = until == null ? null : timeline.floorEntry(until);
        Stretch after = atEnd == null ? null : atEnd.getValue();
        timeline.subMap(s.validOn(), true, until == null ? LocalDate.MAX : until, false).clear();
        timeline.put(s.validOn(), s);
        if (until != null && !timeline.containsKey(until)) {
            timeline.put(until, after);
        }
    }

    /** A measurement as it stands after its corrections, unless retracted. */
    public record MeasuredValue(String unitId, String criteriaSet, String indicatorCode, String measurementId,
                                BigDecimal value, Boolean passed, LocalDate validOn, Instant recordedAt,
                                boolean corrected) {
    }

    /**
     * The measurements of the units valid on or before {@code on} and recorded by {@code knownAt}, each with the
     * latest correction known by then, retracted ones left out; in valid order.
     */
    public List<MeasuredValue> measurements(Collection<UUID> units, LocalDate on, Instant knownAt) {
        return jdbc.query("""
                select m.unit_id::text, m.criteria_set, m.indicator_code, m.measurement_id,
                       coalesce(a.value, case when a.numerator is not null and a.denominator > 0
                                              then round(100.0 * a.numerator / a.denominator, 2) end,
                                m.value, case when m.numerator is not null and m.denominator > 0
                                              then round(100.0 * m.numerator / m.denominator, 2) end),
                       coalesce(a.passed, m.passed), m.valid_on, m.recorded_at, a.kind is not null
                from measurement_history m
                left join lateral (select kind, value, numerator, denominator, passed from measurement_amendment x
                                    where x.measurement_id = m.measurement_id and x.recorded_at <= ?
                                    order by x.recorded_at desc, x.event_id desc limit 1) a on true
                where m.unit_id = any(?) and m.valid_on <= ? and m.recorded_at <= ?
                  and (a.kind is null or a.kind <> 'RETRACTED')
                order by m.valid_on, m.recorded_at, m.event_id""",
                (rs, n) -> new MeasuredValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), (Boolean) rs.getObject(6), rs.getObject(7, LocalDate.class),
                        rs.getTimestamp(8).toInstant(), rs.getBoolean(9)),
                Timestamp.from(knownAt), ids(units), on, Timestamp.from(knownAt));
    }

    private static final String INDICATOR_COLUMNS = """
            h.unit_id, h.criteria_set, h.criterion_code, h.indicator_code, h.status, h.value, h.comparator,
            h.threshold, h.unit, h.threshold_verified, h.threshold_source, h.valid_on, h.recorded_at,
            h.actor_subject, h.set_version, h.valid_until, h.cause_kind, h.cause_measurement
            """;

    private static final String ROLLUP_COLUMNS = """
            unit_id, criteria_set, criterion_code, status, criteria_met, criteria_total, valid_on, valid_until,
            set_version, recorded_at, cause_kind
            """;

    private RowMapper<IndicatorStatusRow> indicatorRow() {
        Catalogue.Versions catalogue = this.catalogue.current();
        return (rs, n) -> new IndicatorStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                catalogue.indicatorName(rs.getString(2), (Integer) rs.getObject(15), rs.getString(4), "vi"),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9),
                rs.getBoolean(10), rs.getString(11), rs.getObject(12, LocalDate.class),
                rs.getTimestamp(13).toInstant(), rs.getString(14), (Integer) rs.getObject(15),
                rs.getObject(16, LocalDate.class), rs.getString(17), rs.getString(18));
    }

    private static RollupStatusRow rollupRow(ResultSet rs, int n) throws SQLException {
        return new RollupStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getObject(7, LocalDate.class),
                rs.getObject(8, LocalDate.class), (Integer) rs.getObject(9), rs.getTimestamp(10).toInstant(),
                rs.getString(11));
    }

    /** Version 1 of a criterion's or a set's change named no set version (0 after upcasting): none is stored. */
    private static Integer version(int setVersion) {
        return setVersion > 0 ? setVersion : null;
    }

    private static String kind(StatusCause cause) {
        return cause == null || cause.kind() == null ? StatusCause.LEGACY : cause.kind();
    }

    private static UUID[] ids(Collection<UUID> units) {
        return units == null ? null : units.toArray(UUID[]::new);
    }

    private static String subject(Envelope<?> envelope) {
        return envelope.actor() == null ? null : envelope.actor().subject();
    }

    private static String role(Envelope<?> envelope) {
        return envelope.actor() == null ? null : envelope.actor().role();
    }
}
