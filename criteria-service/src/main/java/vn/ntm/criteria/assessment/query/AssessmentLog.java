package vn.ntm.criteria.assessment.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementCorrected;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.MeasurementRetracted;

/**
 * Every assessment event as a row: the full history of an indicator or criterion, and the way from a measurement
 * id to its assessment. Kept by a subscribing processor, in the same transaction as the events.
 */
@Component
@ProcessingGroup("assessment-log")
public class AssessmentLog {

    private final JdbcTemplate jdbc;

    AssessmentLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry of a history, oldest first. */
    public record Entry(String kind, String code, String measurementId, String previous, String status,
                        BigDecimal value, Long numerator, Long denominator, Boolean passed, BigDecimal threshold,
                        String reason, LocalDate validOn, Instant recordedAt, String recordedBy) {
    }

    /** Where a measurement belongs. */
    public record MeasurementRef(String unitId, String criteriaSet, String indicatorCode, LocalDate validOn) {
    }

    @EventHandler
    void on(MeasurementRecorded e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "MEASUREMENT_RECORDED", e.indicatorCode(),
                e.measurementId(), null, null, e.value(), null, null, e.validOn(), e.actor(), e.evidence());
    }

    @EventHandler
    void on(MeasurementCorrected e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "MEASUREMENT_CORRECTED", e.indicatorCode(),
                e.measurementId(), null, null, e.value(), null, e.reason(), e.validOn(), e.actor(), e.evidence());
    }

    @EventHandler
    void on(MeasurementRetracted e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "MEASUREMENT_RETRACTED", e.indicatorCode(),
                e.measurementId(), null, null, null, null, e.reason(), e.validOn(), e.actor(), Evidence.NONE);
    }

    @EventHandler
    void on(IndicatorStatusChanged e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "INDICATOR_STATUS", e.indicatorCode(),
                e.causeMeasurementId(), e.previousStatus().name(), e.status().name(),
                e.comparedValue() == null ? null : new MeasuredValue(e.comparedValue(), null, null, null),
                e.threshold(), null, e.validOn(), e.actor(), Evidence.NONE);
    }

    @EventHandler
    void on(CriterionStatusChanged e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "CRITERION_STATUS", e.criterionCode(),
                e.causeMeasurementId(), e.previousStatus().name(), e.status().name(), null, null, null,
                e.validOn(), e.actor(), Evidence.NONE);
    }

    @EventHandler
    void on(CriteriaSetStatusChanged e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "SET_STATUS", null, e.causeMeasurementId(),
                e.previousStatus().name(), e.status().name(), null, null,
                e.criteriaMet() + "/" + e.criteriaTotal(), e.validOn(), e.actor(), Evidence.NONE);
    }

    /** What is known of one indicator for one unit now: its current measurement and its status. */
    public record Standing(String indicatorCode, String status, MeasuredValue value, BigDecimal threshold,
                           String measurementId, LocalDate validOn, String evidenceDocument, String evidenceLink,
                           String evidenceNote, String recordedBy) {
    }

    /**
     * Per indicator: the current measurement (latest valid date, not retracted, with its latest correction) and
     * the latest status. Derived from the log, so corrections and retractions need no table of their own.
     */
    public Map<String, Standing> standing(String unitId, String criteriaSet) {
        return standing(unitId, criteriaSet, null);
    }

    /**
     * The same for one indicator ({@code code}), or for all when it is null: the answer to a single measurement needs
     * only its own indicator, and reading the whole set's log for it was most of criteria-service's database time in
     * the benchmark's profile.
     */
    public Map<String, Standing> standing(String unitId, String criteriaSet, String code) {
        String oneCode = code == null ? "" : " and r.code = ?";
        String oneStatus = code == null ? "" : " and code = ?";
        UUID unit = UUID.fromString(unitId);
        Object[] args = code == null ? new Object[] {unit, criteriaSet, unit, criteriaSet}
                : new Object[] {unit, criteriaSet, code, unit, criteriaSet, code};
        return jdbc.query("""
                with current_measurement as (
                    select distinct on (r.code) r.code, r.measurement_id, r.valid_on, r.recorded_by,
                           r.evidence_document, r.evidence_link, r.evidence_note,
                           coalesce(c.value, case when c.event_id is null then r.value end) as value,
                           coalesce(c.numerator, case when c.event_id is null then r.numerator end) as numerator,
                           coalesce(c.denominator, case when c.event_id is null then r.denominator end) as denominator,
                           coalesce(c.passed, case when c.event_id is null then r.passed end) as passed
                    from assessment_log r
                    left join lateral (select * from assessment_log c
                                       where c.measurement_id = r.measurement_id and c.kind = 'MEASUREMENT_CORRECTED'
                                       order by c.recorded_at desc limit 1) c on true
                    where r.unit_id = ? and r.criteria_set = ? and r.kind = 'MEASUREMENT_RECORDED'""" + oneCode + """
                      and not exists (select 1 from assessment_log x
                                      where x.measurement_id = r.measurement_id and x.kind = 'MEASUREMENT_RETRACTED')
                    order by r.code, r.valid_on desc, r.recorded_at desc),
                latest_status as (
                    select distinct on (code) code, status, threshold from assessment_log
                    where unit_id = ? and criteria_set = ? and kind = 'INDICATOR_STATUS'""" + oneStatus + """
                    order by code, recorded_at desc)
                select coalesce(m.code, s.code), coalesce(s.status, 'UNKNOWN'), m.value, m.numerator,
                       m.denominator, m.passed, s.threshold, m.measurement_id, m.valid_on, m.evidence_document,
                       m.evidence_link, m.evidence_note, m.recorded_by
                from current_measurement m full join latest_status s on s.code = m.code""",
                (rs, n) -> new Standing(rs.getString(1), rs.getString(2),
                        rs.getString(8) == null ? null : new MeasuredValue(rs.getBigDecimal(3),
                                (Long) rs.getObject(4), (Long) rs.getObject(5), (Boolean) rs.getObject(6)),
                        rs.getBigDecimal(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13)),
                args)
                .stream().collect(Collectors.toMap(Standing::indicatorCode, Function.identity()));
    }

    /** The sets a unit has measurements against. */
    public List<String> setsAssessedFor(String unitId) {
        return jdbc.queryForList("select distinct criteria_set from assessment_log where unit_id = ? order by 1",
                String.class, UUID.fromString(unitId));
    }

    public Optional<MeasurementRef> measurement(String measurementId) {
        UUID id;
        try {
            id = UUID.fromString(measurementId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("""
                select unit_id, criteria_set, code, valid_on from assessment_log
                where measurement_id = ? and kind = 'MEASUREMENT_RECORDED'""",
                (rs, n) -> new MeasurementRef(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)), id).stream().findFirst();
    }

    /** The history of one indicator or criterion (its code), or of the whole set when {@code code} is null. */
    public List<Entry> history(String unitId, String criteriaSet, String code) {
        return jdbc.query("""
                select kind, code, measurement_id, previous, status, value, numerator, denominator, passed,
                       threshold, reason, valid_on, recorded_at, recorded_by
                from assessment_log
                where unit_id = ? and criteria_set = ? and code is not distinct from ?
                order by recorded_at, event_id""",
                (rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                        (Boolean) rs.getObject(9), rs.getBigDecimal(10), rs.getString(11),
                        rs.getObject(12, LocalDate.class), rs.getTimestamp(13).toInstant(), rs.getString(14)),
                UUID.fromString(unitId), criteriaSet, code);
    }

    private void insert(EventMessage<?> message, String unitId, String set, String kind, String code,
                        String measurementId, String previous, String status, MeasuredValue value,
                        BigDecimal threshold, String reason, LocalDate validOn, Actor actor, Evidence evidence) {
        jdbc.update("""
                insert into assessment_log (event_id, unit_id, criteria_set, kind, code, measurement_id, previous,
                    status, value, numerator, denominator, passed, threshold, reason, evidence_document,
                    evidence_link, evidence_note, valid_on, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.fromString(message.getIdentifier()), UUID.fromString(unitId), set, kind, code,
                measurementId == null ? null : UUID.fromString(measurementId), previous, status,
                value == null ? null : value.value(), value == null ? null : value.numerator(),
                value == null ? null : value.denominator(), value == null ? null : value.passed(), threshold, reason,
                evidence.document(), evidence.link(),
                evidence.office() == null ? evidence.note() : "[" + evidence.office() + "] " + evidence.note(), validOn, Timestamp.from(message.getTimestamp()), actor.subject());
    }
}
