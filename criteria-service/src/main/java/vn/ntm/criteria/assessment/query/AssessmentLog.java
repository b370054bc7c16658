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
import vn.ntm.contracts.StatusCause;
import vn.ntm.criteria.assessment.api.AssessmentRulesChanged;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;
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

    /**
     * One entry of a history, oldest recorded first. A status entry is a stretch of valid time: {@code status} from
     * {@code validOn} until {@code validUntil} (exclusive; null: open-ended), caused by a fact of {@code causeKind};
     * its {@code measurementId} is the measurement that governs those dates (indicators) or the cause (criteria and
     * sets).
     */
    public record Entry(String kind, String code, String measurementId, String previous, String status,
                        BigDecimal value, Long numerator, Long denominator, Boolean passed, BigDecimal threshold,
                        String reason, LocalDate validOn, LocalDate validUntil, String causeKind,
                        Integer setVersion, Integer criteriaMet, Integer criteriaTotal, Instant recordedAt,
                        String recordedBy) {
    }

    /** Where a measurement belongs. */
    public record MeasurementRef(String unitId, String criteriaSet, String indicatorCode, LocalDate validOn) {
    }

    @EventHandler
    void on(MeasurementRecorded e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "MEASUREMENT_RECORDED", e.indicatorCode(),
                e.measurementId(), null, null, e.value(), null, null, e.validOn(), e.actor(), e.evidence(), null);
    }

    @EventHandler
    void on(MeasurementCorrected e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "MEASUREMENT_CORRECTED", e.indicatorCode(),
                e.measurementId(), null, null, e.value(), null, e.reason(), e.validOn(), e.actor(), e.evidence(), null);
    }

    @EventHandler
    void on(MeasurementRetracted e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "MEASUREMENT_RETRACTED", e.indicatorCode(),
                e.measurementId(), null, null, null, null, e.reason(), e.validOn(), e.actor(), Evidence.NONE, null);
    }

    @EventHandler
    void on(IndicatorStatusChanged e, EventMessage<?> message) {
        BigDecimal compared = e.judgement().comparedValue();
        insert(message, e.unitId(), e.criteriaSetId().value(), "INDICATOR_STATUS", e.indicatorCode(),
                e.governingMeasurementId(), null, e.status().name(),
                compared == null ? null : new MeasuredValue(compared, null, null, null),
                e.judgement().threshold(), null, e.validFrom(), e.actor(), Evidence.NONE,
                new Stretch(e.validUntil(), e.cause(), e.setVersion(), null, null, null));
    }

    @EventHandler
    void on(CriterionStatusChanged e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "CRITERION_STATUS", e.criterionCode(),
                causeMeasurement(e.cause()), null, e.status().name(), null, null, null, e.validFrom(), e.actor(),
                Evidence.NONE,
                new Stretch(e.validUntil(), e.cause(), e.setVersion(), null, null, null));
    }

    @EventHandler
    void on(CriteriaSetStatusChanged e, EventMessage<?> message) {
        insert(message, e.unitId(), e.criteriaSetId().value(), "SET_STATUS", null, causeMeasurement(e.cause()), null,
                e.status().name(), null, null, null, e.validFrom(), e.actor(), Evidence.NONE,
                new Stretch(e.validUntil(), e.cause(), e.setVersion(), e.criteriaMet(), e.criteriaTotal(),
                String.join(",", e.criteriaNotMet())));
    }

    @EventHandler
    void on(AssessmentRulesChanged e, EventMessage<?> message) {
        jdbc.update("""
                insert into assessment_rules (unit_id, criteria_set, digest, adopted_at) values (?, ?, ?, ?)
                on conflict (unit_id, criteria_set) do update set digest = excluded.digest,
                    adopted_at = excluded.adopted_at""",
                UUID.fromString(e.assessmentId().unitId()), e.criteriaSetId().value(), e.rulesDigest(),
                Timestamp.from(message.getTimestamp()));
    }

    private static MeasurementId causeMeasurement(StatusCause cause) {
        return cause.measurementId() == null ? null : new MeasurementId(cause.measurementId());
    }

    /** What a status entry has beyond a measurement entry. */
    private record Stretch(LocalDate validUntil, StatusCause cause, int setVersion, Integer met, Integer total,
                           String notMet) {
    }

    /** What is known of one indicator for one unit on a date: the measurement that governs it, and its status. */
    public record Standing(String indicatorCode, String status, MeasuredValue value, BigDecimal threshold,
                           String measurementId, LocalDate validOn, String evidenceDocument, String evidenceLink,
                           String evidenceNote, String recordedBy) {
    }

    /** The unit's standing against the whole set on a date, and each criterion's status then. */
    public record SetStanding(String status, int criteriaMet, int criteriaTotal, List<String> criteriaNotMet,
                              Integer setVersion, LocalDate validFrom, LocalDate validUntil,
                              Map<String, String> criteria) {
    }

    /**
     * Per indicator ({@code code}, or all when null), on {@code asOf}: the measurement that governs that date (the
     * latest valid on or before it, not retracted, with its latest correction; of two on one date the later
     * recorded) and the status of the stretch that covers the date (of those covering it, the one recorded last).
     * Reading one indicator alone keeps a single measurement's answer cheap (the benchmark's profile).
     */
    public Map<String, Standing> standing(String unitId, String criteriaSet, String code, LocalDate asOf) {
        String oneCode = code == null ? "" : " and r.code = ?";
        String oneStatus = code == null ? "" : " and code = ?";
        UUID unit = UUID.fromString(unitId);
        Object[] args = code == null ? new Object[] {unit, criteriaSet, asOf, unit, criteriaSet, asOf, asOf}
                : new Object[] {unit, criteriaSet, asOf, code, unit, criteriaSet, asOf, asOf, code};
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
                                       order by c.recorded_at desc, c.seq desc limit 1) c on true
                    where r.unit_id = ? and r.criteria_set = ? and r.kind = 'MEASUREMENT_RECORDED'
                      and r.valid_on <= ?""" + oneCode + """
                      and not exists (select 1 from assessment_log x
                                      where x.measurement_id = r.measurement_id and x.kind = 'MEASUREMENT_RETRACTED')
                    order by r.code, r.valid_on desc, r.recorded_at desc, r.seq desc),
                status_on as (
                    select distinct on (code) code, status, threshold from assessment_log
                    where unit_id = ? and criteria_set = ? and kind = 'INDICATOR_STATUS'
                      and valid_on <= ? and (valid_until is null or valid_until > ?)""" + oneStatus + """
                    order by code, recorded_at desc, seq desc)
                select coalesce(m.code, s.code), coalesce(s.status, 'UNKNOWN'), m.value, m.numerator,
                       m.denominator, m.passed, s.threshold, m.measurement_id, m.valid_on, m.evidence_document,
                       m.evidence_link, m.evidence_note, m.recorded_by
                from current_measurement m full join status_on s on s.code = m.code""",
                (rs, n) -> new Standing(rs.getString(1), rs.getString(2),
                        rs.getString(8) == null ? null : new MeasuredValue(rs.getBigDecimal(3),
                                (Long) rs.getObject(4), (Long) rs.getObject(5), (Boolean) rs.getObject(6)),
                        rs.getBigDecimal(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13)),
                args)
                .stream().collect(Collectors.toMap(Standing::indicatorCode, Function.identity()));
    }

    /**
     * The set's status and counts on {@code asOf}, and every criterion's, from the stretches covering that date (of
     * those covering it, the one recorded last); empty when nothing is known of the set on that date.
     */
    public Optional<SetStanding> setStanding(String unitId, String criteriaSet, LocalDate asOf) {
        UUID unit = UUID.fromString(unitId);
        Map<String, String> criteria = new java.util.LinkedHashMap<>();
        jdbc.query("""
                select distinct on (code) code, status from assessment_log
                where unit_id = ? and criteria_set = ? and kind = 'CRITERION_STATUS'
                  and valid_on <= ? and (valid_until is null or valid_until > ?)
                order by code, recorded_at desc, seq desc""",
                (java.sql.ResultSet rs) -> {
                    criteria.put(rs.getString(1), rs.getString(2));
                }, unit, criteriaSet, asOf, asOf);
        return jdbc.query("""
                select status, criteria_met, criteria_total, criteria_not_met, set_version, valid_on, valid_until
                from assessment_log
                where unit_id = ? and criteria_set = ? and kind = 'SET_STATUS'
                  and valid_on <= ? and (valid_until is null or valid_until > ?)
                order by recorded_at desc, seq desc limit 1""",
                (rs, n) -> new SetStanding(rs.getString(1), rs.getInt(2), rs.getInt(3),
                        rs.getString(4) == null || rs.getString(4).isEmpty() ? List.of()
                                : List.of(rs.getString(4).split(",")),
                        (Integer) rs.getObject(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), criteria),
                unit, criteriaSet, asOf, asOf).stream().findFirst();
    }

    /** The sets a unit has measurements against. */
    public List<String> setsAssessedFor(String unitId) {
        return jdbc.queryForList("select distinct criteria_set from assessment_log where unit_id = ? order by 1",
                String.class, UUID.fromString(unitId));
    }

    public Optional<MeasurementRef> measurement(MeasurementId measurementId) {
        return jdbc.query("""
                select unit_id, criteria_set, code, valid_on from assessment_log
                where measurement_id = ? and kind = 'MEASUREMENT_RECORDED'""",
                (rs, n) -> new MeasurementRef(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)), measurementId.uuid()).stream().findFirst();
    }

    /** The history of one indicator or criterion (its code), or of the whole set when {@code code} is null. */
    public List<Entry> history(String unitId, String criteriaSet, String code) {
        return jdbc.query("""
                select kind, code, measurement_id, previous, status, value, numerator, denominator, passed,
                       threshold, reason, valid_on, valid_until, cause_kind, set_version, criteria_met,
                       criteria_total, recorded_at, recorded_by
                from assessment_log
                where unit_id = ? and criteria_set = ? and code is not distinct from ?
                order by recorded_at, seq""",
                (rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), (Long) rs.getObject(7), (Long) rs.getObject(8),
                        (Boolean) rs.getObject(9), rs.getBigDecimal(10), rs.getString(11),
                        rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class), rs.getString(14),
                        (Integer) rs.getObject(15), (Integer) rs.getObject(16), (Integer) rs.getObject(17),
                        rs.getTimestamp(18).toInstant(), rs.getString(19)),
                UUID.fromString(unitId), criteriaSet, code);
    }

    private void insert(EventMessage<?> message, String unitId, String set, String kind, String code,
                        MeasurementId measurementId, String previous, String status, MeasuredValue value,
                        BigDecimal threshold, String reason, LocalDate validOn, Actor actor, Evidence evidence,
                        Stretch stretch) {
        jdbc.update("""
                insert into assessment_log (event_id, unit_id, criteria_set, kind, code, measurement_id, previous,
                    status, value, numerator, denominator, passed, threshold, reason, evidence_document,
                    evidence_link, evidence_note, valid_on, recorded_at, recorded_by, valid_until, cause_kind,
                    set_version, criteria_met, criteria_total, criteria_not_met)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.fromString(message.getIdentifier()), UUID.fromString(unitId), set, kind, code,
                measurementId == null ? null : measurementId.uuid(), previous, status,
                value == null ? null : value.value(), value == null ? null : value.numerator(),
                value == null ? null : value.denominator(), value == null ? null : value.passed(), threshold, reason,
                evidence.document(), evidence.link(),
                evidence.noteWithOffice(),
                validOn, Timestamp.from(message.getTimestamp()), actor.subject(),
                stretch == null ? null : stretch.validUntil(), stretch == null ? null : stretch.cause().kind(),
                stretch == null ? null : stretch.setVersion(), stretch == null ? null : stretch.met(),
                stretch == null ? null : stretch.total(), stretch == null ? null : stretch.notMet());
    }
}
