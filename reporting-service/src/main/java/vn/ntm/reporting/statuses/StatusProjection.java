package vn.ntm.reporting.statuses;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.CriteriaSetStatusChanged;
import vn.ntm.contracts.CriterionStatusChanged;
import vn.ntm.contracts.MeasurementCorrected;
import vn.ntm.contracts.MeasurementRetracted;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IndicatorStatusChanged;
import vn.ntm.contracts.MeasurementRecorded;

/**
 * Folds criteria events into the status timeline ({@code status_history}), the measurement log and the catalogue
 * labels. The current status is not stored: it is the latest change by valid date, then by recorded time.
 */
@Component
public class StatusProjection {

    /** The latest date PostgreSQL and every query here accept: "whatever is latest". */
    public static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

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

    /** One indicator's status for one unit, with what caused it. */
    public record IndicatorStatusRow(String unitId, String criteriaSet, String criterionCode, String indicatorCode,
                                     String indicatorName, String status, BigDecimal value, String comparator,
                                     BigDecimal threshold, String unit, boolean thresholdVerified,
                                     String thresholdSource, LocalDate validOn, Instant recordedAt,
                                     String actorSubject, Integer setVersion) {
    }

    /**
     * Runs {@code fold} with this projection's history inserts collected per statement and sent as JDBC batches at
     * its end, in the caller's transaction. For a whole poll folded in one transaction (the replay and, since ADR 13,
     * the live consumers): the history tables only grow and nothing reads them during a fold, so the order between
     * tables does not matter, while each insert on its own cost a round trip.
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
            jdbc.update("""
                    insert into criteria_set_view (code, version, title_vi, title_en, level, legal_basis,
                                                   effective_from, effective_to, catalogue)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                    on conflict (code) do update set version = excluded.version, title_vi = excluded.title_vi,
                        title_en = excluded.title_en, legal_basis = excluded.legal_basis,
                        effective_from = excluded.effective_from, effective_to = excluded.effective_to,
                        catalogue = excluded.catalogue
                    where criteria_set_view.version < excluded.version""",
                    set.code(), set.version(), set.titleVi(), set.titleEn(), set.level(), set.legalBasis(),
                    set.effectiveFrom(), set.effectiveTo(), json.writeValueAsString(set.criteria()));
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
                        previous_status, status, value, comparator, threshold, unit, threshold_verified,
                        threshold_source, cause_measurement, set_version, valid_on, recorded_at, actor_subject,
                        actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(), UUID.fromString(envelope.unitId()), c.criteriaSetId(), c.criterionCode(),
                    c.indicatorCode(), c.previousStatus(), c.status(), c.value(), c.comparator(), c.threshold(),
                    c.unit(), c.thresholdVerified(), c.thresholdSource(), c.causeMeasurementId(), c.setVersion(),
                    envelope.validOn(),
                    Timestamp.from(envelope.recordedAt()), subject(envelope), role(envelope));
        } else if (payload instanceof CriterionStatusChanged c) {
            rollup(envelope, c.criteriaSetId(), c.criterionCode(), c.previousStatus(), c.status(), null, null,
                    c.causeMeasurementId());
        } else if (payload instanceof CriteriaSetStatusChanged c) {
            rollup(envelope, c.criteriaSetId(), null, c.previousStatus(), c.status(), c.criteriaMet(),
                    c.criteriaTotal(), c.causeMeasurementId());
        } else if (payload instanceof MeasurementCorrected c) {
            amendment(envelope, c.measurementId(), "CORRECTED", c.value(), c.numerator(), c.denominator(), c.passed(),
                    c.reason());
        } else if (payload instanceof MeasurementRetracted r) {
            amendment(envelope, r.measurementId(), "RETRACTED", null, null, null, null, r.reason());
        }
    }

    private void rollup(Envelope<?> envelope, String set, String criterion, String previous, String status,
                        Integer met, Integer total, String cause) {
        insert("""
                insert into rollup_status_history (event_id, unit_id, criteria_set, criterion_code, previous_status,
                    status, criteria_met, criteria_total, cause_measurement, valid_on, recorded_at, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), UUID.fromString(envelope.unitId()), set, criterion, previous, status, met, total,
                cause, envelope.validOn(), Timestamp.from(envelope.recordedAt()), subject(envelope));
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

    /** A criterion's status ({@code criterionCode} set) or a whole set's ({@code criterionCode} null). */
    public record RollupStatusRow(String unitId, String criteriaSet, String criterionCode, String status,
                                  Integer criteriaMet, Integer criteriaTotal, LocalDate validOn) {
    }

    /** The current status of every indicator that has one: the latest change by valid date, then recorded time. */
    public List<IndicatorStatusRow> current() {
        return indicators(null, END_OF_TIME, Instant.now());
    }

    /** The current status of each criterion and of each set for every unit that has one. */
    public List<RollupStatusRow> currentRollups() {
        return rollups(null, END_OF_TIME, Instant.now());
    }

    /**
     * Each indicator's status on {@code on} as known at {@code knownAt}: the latest change valid on or before that
     * date among those recorded by then. {@code units} null means every unit.
     */
    public List<IndicatorStatusRow> indicators(Collection<UUID> units, LocalDate on, Instant knownAt) {
        return jdbc.query("""
                select distinct on (h.unit_id, h.criteria_set, h.indicator_code) """ + INDICATOR_COLUMNS + """
                from status_history h
                where (cast(? as uuid[]) is null or h.unit_id = any(?)) and h.valid_on <= ? and h.recorded_at <= ?
                order by h.unit_id, h.criteria_set, h.indicator_code, h.valid_on desc, h.recorded_at desc, h.event_id desc""",
                indicatorRow(), ids(units), ids(units), on, Timestamp.from(knownAt));
    }

    /** Each criterion's and each whole set's status on {@code on} as known at {@code knownAt}. */
    public List<RollupStatusRow> rollups(Collection<UUID> units, LocalDate on, Instant knownAt) {
        return jdbc.query("""
                select distinct on (unit_id, criteria_set, criterion_code)
                       unit_id, criteria_set, criterion_code, status, criteria_met, criteria_total, valid_on
                from rollup_status_history
                where (cast(? as uuid[]) is null or unit_id = any(?)) and valid_on <= ? and recorded_at <= ?
                order by unit_id, criteria_set, criterion_code, valid_on desc, recorded_at desc, event_id desc""",
                (rs, n) -> new RollupStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getObject(7, LocalDate.class)),
                ids(units), ids(units), on, Timestamp.from(knownAt));
    }

    /** A unit's whole timeline of indicator status changes, oldest first. */
    public List<IndicatorStatusRow> history(UUID unitId) {
        return jdbc.query("select " + INDICATOR_COLUMNS + """
                from status_history h where h.unit_id = ? order by h.valid_on, h.recorded_at, h.event_id""",
                indicatorRow(), unitId);
    }

    /** One change of an indicator, a criterion or a whole set, for timelines and change lists. */
    public record StatusChange(String unitId, String kind, String criteriaSet, String criterionCode,
                               String indicatorCode, String previousStatus, String status, BigDecimal value,
                               String comparator, BigDecimal threshold, String unit, Boolean thresholdVerified,
                               String thresholdSource, LocalDate validOn, Instant recordedAt, String actorSubject,
                               String eventId) {
    }

    /**
     * Every status change of the units (indicator, criterion, set), valid in {@code (from, to]} and recorded by
     * {@code knownAt}, in valid then recorded order; {@code from} null means from the start.
     */
    public List<StatusChange> changes(Collection<UUID> units, LocalDate from, LocalDate to, Instant knownAt) {
        LocalDate after = from == null ? LocalDate.of(1, 1, 1) : from;
        return jdbc.query("""
                select unit_id::text, 'INDICATOR', criteria_set, criterion_code, indicator_code, previous_status,
                       status, value, comparator, threshold, unit, threshold_verified, threshold_source, valid_on,
                       recorded_at, actor_subject, event_id::text
                from status_history where unit_id = any(?) and valid_on > ? and valid_on <= ? and recorded_at <= ?
                union all
                select unit_id::text, case when criterion_code is null then 'SET' else 'CRITERION' end, criteria_set,
                       criterion_code, null, previous_status, status, null, null, null, null, null, null, valid_on,
                       recorded_at, actor_subject, event_id::text
                from rollup_status_history
                where unit_id = any(?) and valid_on > ? and valid_on <= ? and recorded_at <= ?
                order by 14, 15, 17""",
                (rs, n) -> new StatusChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getString(9),
                        rs.getBigDecimal(10), rs.getString(11), (Boolean) rs.getObject(12), rs.getString(13),
                        rs.getObject(14, LocalDate.class), rs.getTimestamp(15).toInstant(), rs.getString(16),
                        rs.getString(17)),
                ids(units), after, to, Timestamp.from(knownAt), ids(units), after, to, Timestamp.from(knownAt));
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
            h.actor_subject, h.set_version
            """;

    private RowMapper<IndicatorStatusRow> indicatorRow() {
        Map<String, Catalogue.CriteriaSet> sets = catalogue.sets();
        return (rs, n) -> new IndicatorStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Catalogue.indicatorName(sets, rs.getString(2), rs.getString(4), "vi"), rs.getString(5), rs.getBigDecimal(6), rs.getString(7),
                rs.getBigDecimal(8), rs.getString(9), rs.getBoolean(10), rs.getString(11),
                rs.getObject(12, LocalDate.class), rs.getTimestamp(13).toInstant(), rs.getString(14),
                (Integer) rs.getObject(15));
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
