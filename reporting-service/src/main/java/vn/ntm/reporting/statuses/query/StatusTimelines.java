package vn.ntm.reporting.statuses.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Reads the status timelines ({@code status_history} for indicators, {@code rollup_status_history} for criteria and
 * whole sets) and the measurement log, which {@code statuses.messaging.StatusFold} folds criteria events into.
 *
 * <p>A status event is a stretch of a timeline in valid time: from its {@code valid_on} until its {@code valid_until}
 * (exclusive; null: open-ended) the status is S, as the platform learnt at {@code recorded_at}. A stretch recorded
 * later replaces, for its dates, whatever was known of them before; the rows are never changed. So the status of a
 * key (unit, set, indicator or criterion; a null criterion is the whole set) on date D as known at time K is the row
 * whose stretch holds D among those recorded by K, the latest recorded, ties broken by arrival (several stretches of
 * one command share their recorded time). Nothing is stored as "current": that is the answer for today, as known now.
 */
@Component
public class StatusTimelines {

    /** The latest date PostgreSQL and every query here accept: "whatever is latest". */
    public static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);
    static final LocalDate START_OF_TIME = LocalDate.of(1, 1, 1);

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;

    StatusTimelines(JdbcTemplate jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
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
     * @param causeKind              the kind of fact that changed the stretch (event-contracts' {@code StatusCause})
     */
    public record IndicatorStatusRow(String unitId, String criteriaSet, String criterionCode, String indicatorCode,
                                     String indicatorName, String status, BigDecimal value, String comparator,
                                     BigDecimal threshold, String unit, boolean thresholdVerified,
                                     String thresholdSource, LocalDate validOn, Instant recordedAt,
                                     String actorSubject, Integer setVersion, LocalDate validUntil,
                                     String causeKind, String governingMeasurementId) {
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
                StatusTimelines::rollupRow, ids(units), ids(units), on, on, Timestamp.from(knownAt));
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

    private static UUID[] ids(Collection<UUID> units) {
        return units == null ? null : units.toArray(UUID[]::new);
    }


}
