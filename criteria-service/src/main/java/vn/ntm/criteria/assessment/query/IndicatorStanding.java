package vn.ntm.criteria.assessment.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;

/**
 * Each unit's latest measurement and current status per indicator, the basis of the standing query. Kept by a
 * subscribing processor, so a command's response already sees its own effect.
 */
@Component
@ProcessingGroup("indicator-standing")
public class IndicatorStanding {

    private final JdbcTemplate jdbc;

    IndicatorStanding(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the table: what is known of one indicator for one unit. */
    public record Row(String indicatorCode, String status, BigDecimal value, Long numerator, Long denominator,
                      Boolean passed, BigDecimal comparedValue, BigDecimal threshold, String comparator,
                      Boolean thresholdVerified, String thresholdSource, String measurementId, LocalDate validOn,
                      String evidenceDocument, String evidenceLink, String evidenceNote, String recordedBy,
                      Instant recordedAt) {
    }

    @EventHandler
    void on(MeasurementRecorded e, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.update("""
                insert into indicator_standing (unit_id, criteria_set, indicator_code, value, numerator, denominator,
                    passed, compared_value, measurement_id, valid_on, evidence_document, evidence_link, evidence_note,
                    recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (unit_id, criteria_set, indicator_code) do update set
                    value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
                    passed = excluded.passed, compared_value = excluded.compared_value,
                    measurement_id = excluded.measurement_id, valid_on = excluded.valid_on,
                    evidence_document = excluded.evidence_document, evidence_link = excluded.evidence_link,
                    evidence_note = excluded.evidence_note, recorded_by = excluded.recorded_by,
                    recorded_at = excluded.recorded_at
                where indicator_standing.valid_on <= excluded.valid_on""",
                UUID.fromString(e.unitId()), e.criteriaSetId().value(), e.indicatorCode(), e.value().value(),
                e.value().numerator(), e.value().denominator(), e.value().passed(), e.value().comparable(),
                UUID.fromString(e.measurementId()), e.validOn(), e.evidence().document(), e.evidence().link(),
                e.evidence().note(), e.actor().subject(), Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(IndicatorStatusChanged e) {
        jdbc.update("""
                update indicator_standing set status = ?, threshold = ?, comparator = ?, threshold_verified = ?,
                    threshold_source = ?
                where unit_id = ? and criteria_set = ? and indicator_code = ?""",
                e.status().name(), e.threshold(), e.comparator() == null ? null : e.comparator().name(),
                e.thresholdVerified(), e.thresholdSource(), UUID.fromString(e.unitId()), e.criteriaSetId().value(),
                e.indicatorCode());
    }

    public Map<String, Row> forUnit(String unitId, String criteriaSet) {
        return jdbc.query("""
                select indicator_code, status, value, numerator, denominator, passed, compared_value, threshold,
                       comparator, threshold_verified, threshold_source, measurement_id, valid_on, evidence_document,
                       evidence_link, evidence_note, recorded_by, recorded_at
                from indicator_standing where unit_id = ? and criteria_set = ?""",
                (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5), (Boolean) rs.getObject(6),
                        rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), (Boolean) rs.getObject(10),
                        rs.getString(11), rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14),
                        rs.getString(15), rs.getString(16), rs.getString(17), rs.getTimestamp(18).toInstant()),
                UUID.fromString(unitId), criteriaSet).stream().collect(Collectors.toMap(Row::indicatorCode, Function.identity()));
    }

    public List<String> setsAssessedFor(String unitId) {
        return jdbc.queryForList("select distinct criteria_set from indicator_standing where unit_id = ? order by 1",
                String.class, UUID.fromString(unitId));
    }
}
