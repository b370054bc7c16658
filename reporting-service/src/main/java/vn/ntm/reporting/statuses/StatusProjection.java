package vn.ntm.reporting.statuses;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    StatusProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One indicator's status for one unit, with what caused it. */
    public record IndicatorStatusRow(String unitId, String criteriaSet, String criterionCode, String indicatorCode,
                                     String indicatorName, String status, BigDecimal value, String comparator,
                                     BigDecimal threshold, String unit, boolean thresholdVerified,
                                     String thresholdSource, LocalDate validOn, Instant recordedAt,
                                     String actorSubject) {
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
            jdbc.update("""
                    insert into measurement_history (event_id, unit_id, criteria_set, indicator_code, measurement_id,
                        value, numerator, denominator, passed, evidence_document, valid_on, recorded_at,
                        actor_subject, actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(), UUID.fromString(envelope.unitId()), m.criteriaSetId(), m.indicatorCode(),
                    m.measurementId(), m.value(), m.numerator(), m.denominator(), m.passed(), m.evidenceDocument(),
                    envelope.validOn(), Timestamp.from(envelope.recordedAt()), subject(envelope), role(envelope));
        } else if (payload instanceof IndicatorStatusChanged c) {
            jdbc.update("""
                    insert into status_history (event_id, unit_id, criteria_set, criterion_code, indicator_code,
                        previous_status, status, value, comparator, threshold, unit, threshold_verified,
                        threshold_source, cause_measurement, valid_on, recorded_at, actor_subject, actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    envelope.eventId(), UUID.fromString(envelope.unitId()), c.criteriaSetId(), c.criterionCode(),
                    c.indicatorCode(), c.previousStatus(), c.status(), c.value(), c.comparator(), c.threshold(),
                    c.unit(), c.thresholdVerified(), c.thresholdSource(), c.causeMeasurementId(), envelope.validOn(),
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
        jdbc.update("""
                insert into rollup_status_history (event_id, unit_id, criteria_set, criterion_code, previous_status,
                    status, criteria_met, criteria_total, cause_measurement, valid_on, recorded_at, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), UUID.fromString(envelope.unitId()), set, criterion, previous, status, met, total,
                cause, envelope.validOn(), Timestamp.from(envelope.recordedAt()), subject(envelope));
    }

    private void amendment(Envelope<?> envelope, String measurementId, String kind, BigDecimal value, Long numerator,
                           Long denominator, Boolean passed, String reason) {
        jdbc.update("""
                insert into measurement_amendment (event_id, unit_id, measurement_id, kind, value, numerator,
                    denominator, passed, reason, valid_on, recorded_at, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                envelope.eventId(), UUID.fromString(envelope.unitId()), measurementId, kind, value, numerator,
                denominator, passed, reason, envelope.validOn(), Timestamp.from(envelope.recordedAt()),
                subject(envelope));
    }

    /** The current status of each criterion and of each set for every unit that has one. */
    public List<RollupStatusRow> currentRollups() {
        return jdbc.query("""
                select distinct on (unit_id, criteria_set, criterion_code)
                       unit_id, criteria_set, criterion_code, status, criteria_met, criteria_total, valid_on
                from rollup_status_history
                order by unit_id, criteria_set, criterion_code, valid_on desc, recorded_at desc""",
                (rs, n) -> new RollupStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getObject(7, LocalDate.class)));
    }

    /** A criterion's status ({@code criterionCode} set) or a whole set's ({@code criterionCode} null). */
    public record RollupStatusRow(String unitId, String criteriaSet, String criterionCode, String status,
                                  Integer criteriaMet, Integer criteriaTotal, LocalDate validOn) {
    }

    /** The current status of every indicator that has one: the latest change by valid date, then recorded time. */
    public List<IndicatorStatusRow> current() {
        return jdbc.query("""
                select distinct on (h.unit_id, h.criteria_set, h.indicator_code)
                       h.unit_id, h.criteria_set, h.criterion_code, h.indicator_code,
                       (select i ->> 'nameVi' from criteria_set_view s,
                               jsonb_array_elements(s.catalogue) c, jsonb_array_elements(c -> 'indicators') i
                         where s.code = h.criteria_set and i ->> 'code' = h.indicator_code limit 1),
                       h.status, h.value, h.comparator, h.threshold, h.unit, h.threshold_verified,
                       h.threshold_source, h.valid_on, h.recorded_at, h.actor_subject
                from status_history h
                order by h.unit_id, h.criteria_set, h.indicator_code, h.valid_on desc, h.recorded_at desc""",
                (rs, n) -> new IndicatorStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getString(10), rs.getBoolean(11), rs.getString(12), rs.getObject(13, LocalDate.class),
                        rs.getTimestamp(14).toInstant(), rs.getString(15)));
    }

    /** A unit's whole timeline of status changes, oldest first. */
    public List<IndicatorStatusRow> history(UUID unitId) {
        return jdbc.query("""
                select unit_id, criteria_set, criterion_code, indicator_code, null, status, value, comparator,
                       threshold, unit, threshold_verified, threshold_source, valid_on, recorded_at, actor_subject
                from status_history where unit_id = ? order by valid_on, recorded_at""",
                (rs, n) -> new IndicatorStatusRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getString(10), rs.getBoolean(11), rs.getString(12), rs.getObject(13, LocalDate.class),
                        rs.getTimestamp(14).toInstant(), rs.getString(15)), unitId);
    }

    private static String subject(Envelope<?> envelope) {
        return envelope.actor() == null ? null : envelope.actor().subject();
    }

    private static String role(Envelope<?> envelope) {
        return envelope.actor() == null ? null : envelope.actor().role();
    }
}
