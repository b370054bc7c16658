package vn.ntm.reporting.programme.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recognition (công nhận) pipeline: each request at its stage on a date, as known at a time, from the facts of
 * {@code recognition_event}; and which units stand recognised at which level.
 */
@Component
public class RecognitionPipeline {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RecognitionPipeline(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Step(String step, LocalDate on, String by, Boolean passed, JsonNode detail) {
    }

    /**
     * One recognition (công nhận) request and where it stands.
     *
     * @param stage REQUESTED, PUBLIC_COMMENT, SATISFACTION_SURVEY, HIGHER_LEVEL_CHECK, APPRAISAL, PUBLICATION (the last
     *              step passed), REJECTED (a step failed), RECOGNISED, REVOKED
     */
    public record Recognition(String recognitionId, String unitId, String unitName, String level, String criteriaSet,
                              LocalDate requestedOn, String stage, List<Step> steps, String decisionNumber,
                              LocalDate decidedOn, String authority, BigDecimal rewarded, List<Step> warnings,
                              LocalDate revokedOn, String revocationDecision) {
    }

    public record Pipeline(Map<String, Long> stages, List<Recognition> recognitions) {
    }

    /** The recognition requests of the units made by {@code asOf}, each at its stage on that date. */
    public Pipeline recognitions(Map<String, String> scope, LocalDate asOf, Instant knownAt) {
        Map<String, List<Object[]>> byRecognition = new LinkedHashMap<>();
        jdbc.query("""
                select recognition_id, unit_id::text, kind, step, level, criteria_set, on_date, passed, actor_by,
                       decision_number, amount, detail::text
                from recognition_event
                where unit_id = any(?) and on_date <= ? and recorded_at <= ?
                order by on_date, recorded_at, event_id""", rs -> {
            byRecognition.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                    rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getObject(7, LocalDate.class), rs.getObject(8), rs.getString(9), rs.getString(10),
                    rs.getBigDecimal(11), rs.getString(12)});
        }, ProgrammeQueries.ids(scope.keySet()), asOf, Timestamp.from(knownAt));
        List<Recognition> recognitions = new ArrayList<>();
        byRecognition.forEach((id, events) -> recognitions.add(recognition(id, events, scope)));
        Map<String, Long> stages = recognitions.stream()
                .collect(Collectors.groupingBy(Recognition::stage, LinkedHashMap::new, Collectors.counting()));
        return new Pipeline(stages, recognitions);
    }

    private Recognition recognition(String id, List<Object[]> events, Map<String, String> scope) {
        String unit = null;
        String level = null;
        String set = null;
        LocalDate requested = null;
        String stage = "REQUESTED";
        List<Step> steps = new ArrayList<>();
        List<Step> warnings = new ArrayList<>();
        String decision = null;
        LocalDate decided = null;
        String authority = null;
        BigDecimal rewarded = BigDecimal.ZERO;
        LocalDate revoked = null;
        String revocation = null;
        for (Object[] e : events) {
            unit = (String) e[0];
            LocalDate on = (LocalDate) e[5];
            JsonNode detail = json.readTree((String) e[10]);
            switch ((String) e[1]) {
                case "REQUESTED" -> {
                    level = (String) e[3];
                    set = (String) e[4];
                    requested = on;
                }
                case "STEP" -> {
                    steps.add(new Step((String) e[2], on, (String) e[7], (Boolean) e[6], detail));
                    if (!"REJECTED".equals(stage) && !"RECOGNISED".equals(stage)) {
                        stage = Boolean.FALSE.equals(e[6]) ? "REJECTED" : (String) e[2];
                    }
                }
                case "DECIDED" -> {
                    level = level == null ? (String) e[3] : level;
                    decision = (String) e[8];
                    decided = on;
                    authority = (String) e[7];
                    stage = "RECOGNISED";
                }
                case "REWARD" -> rewarded = rewarded.add(e[9] == null ? BigDecimal.ZERO : (BigDecimal) e[9]);
                case "WARNING" -> warnings.add(new Step((String) e[2], on, null, null, detail));
                case "REVOKED" -> {
                    revoked = on;
                    revocation = (String) e[8];
                    stage = "REVOKED";
                }
                default -> {
                }
            }
        }
        return new Recognition(id, unit, scope.get(unit), level, set, requested, stage, steps, decision, decided,
                authority, rewarded, warnings, revoked, revocation);
    }

    /** unit|level → date recognised, for recognitions decided by {@code asOf} and not revoked by then. */
    Map<String, LocalDate> recognised(LocalDate asOf, Instant knownAt) {
        Map<String, LocalDate> out = new LinkedHashMap<>();
        jdbc.query("""
                select d.unit_id::text, d.level, d.on_date from recognition_event d
                where d.kind = 'DECIDED' and d.on_date <= ? and d.recorded_at <= ?
                  and not exists (select 1 from recognition_event r where r.recognition_id = d.recognition_id
                                  and r.kind = 'REVOKED' and r.on_date <= ? and r.recorded_at <= ?)""",
                rs -> {
                    out.put(rs.getString(1) + "|" + rs.getString(2), rs.getObject(3, LocalDate.class));
                }, asOf, Timestamp.from(knownAt), asOf, Timestamp.from(knownAt));
        return out;
    }
}
