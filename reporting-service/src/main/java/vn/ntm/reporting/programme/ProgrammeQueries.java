package vn.ntm.reporting.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.reporting.statuses.StatusProjection;
import vn.ntm.reporting.statuses.StatusProjection.MeasuredValue;

/**
 * Plan progress (target, latest value, trend, on track or not), deadlines (open, done, missed) and the recognition
 * pipeline, derived from the programme facts for a date as known at a time.
 */
@Component
public class ProgrammeQueries {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final StatusProjection statuses;

    ProgrammeQueries(JdbcTemplate jdbc, JsonMapper json, StatusProjection statuses) {
        this.jdbc = jdbc;
        this.json = json;
        this.statuses = statuses;
    }

    public record Point(LocalDate validOn, BigDecimal value) {
    }

    /**
     * @param state ACHIEVED (the latest value meets the target), ON_TRACK (not yet, but the trend of the last two
     *              values reaches it by the due date), AT_RISK (it does not), MISSED (due date passed, not met),
     *              NO_DATA (nothing measured yet)
     * @param trend UP, DOWN or FLAT from the previous value to the latest; null with fewer than two values
     */
    public record TargetProgress(String targetId, String criteriaSet, String indicatorCode, String criterionCode,
                                 String description, String comparator, BigDecimal target, String unit,
                                 LocalDate dueDate, BigDecimal latestValue, LocalDate latestOn,
                                 BigDecimal previousValue, String trend, String state, List<Point> series) {
    }

    /** @param state OPEN, DONE or MISSED on the date asked; {@code late}: done after its due date */
    public record Deadline(String planId, String planNumber, String unitId, String unitName, String taskId,
                           String description, LocalDate dueDate, String office, List<String> unitIds, String state,
                           LocalDate completedOn, boolean late, boolean missedReported) {
    }

    public record RoadmapItem(String itemId, String unitId, String unitName, String level, String criteriaSet,
                              LocalDate dueDate, String description, String state) {
    }

    public record Plan(String planId, String number, String title, String unitId, String unitName,
                       LocalDate adoptedOn, int year, List<TargetProgress> targets, List<Deadline> tasks,
                       List<RoadmapItem> roadmap, JsonNode assignments, JsonNode rewards) {
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

    public List<Plan> plans(Map<String, String> scope, LocalDate asOf, Instant knownAt) {
        UUID[] ids = ids(scope.keySet());
        Timestamp known = Timestamp.from(knownAt);
        List<Deadline> deadlines = deadlines(scope, asOf, knownAt);
        Map<String, List<MeasuredValue>> values = statuses.measurements(List.of(ids), asOf, knownAt).stream()
                .collect(Collectors.groupingBy(m -> m.unitId() + "|" + m.criteriaSet() + "|" + m.indicatorCode()));
        Map<String, StatusProjection.RollupStatusRow> criteria = statuses.rollups(List.of(ids), asOf, knownAt)
                .stream().filter(r -> r.criterionCode() != null).collect(Collectors.toMap(
                        r -> r.unitId() + "|" + r.criteriaSet() + "|" + r.criterionCode(), r -> r, (a, b) -> a));
        Map<String, List<TargetProgress>> targets = new LinkedHashMap<>();
        jdbc.query("""
                select t.plan_id, t.target_id, t.unit_id::text, t.criteria_set, t.indicator_code, t.criterion_code,
                       t.description, t.comparator, t.value, t.unit, t.due_date
                from plan_target t join plan p on p.plan_id = t.plan_id
                where t.unit_id = any(?) and p.adopted_on <= ? and p.recorded_at <= ?
                order by t.plan_id, t.target_id""", rs -> {
            String key = rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5);
            targets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(progress(rs.getString(2),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getBigDecimal(9), rs.getString(10), rs.getObject(11, LocalDate.class),
                    values.getOrDefault(key, List.of()),
                    criteria.get(rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(6)), asOf));
        }, ids, asOf, known);
        Map<String, LocalDate> recognised = recognised(asOf, knownAt);
        return jdbc.query("""
                select plan_id, number, title, unit_id::text, adopted_on, year, roadmap::text, assignments::text,
                       rewards::text
                from plan where unit_id = any(?) and adopted_on <= ? and recorded_at <= ?
                order by adopted_on, plan_id""", (rs, n) -> {
            String planId = rs.getString(1);
            List<RoadmapItem> roadmap = new ArrayList<>();
            for (JsonNode item : json.readTree(rs.getString(7))) {
                LocalDate due = date(item.path("dueDate"));
                String unit = item.path("unitId").asString(null);
                String level = item.path("level").asString(null);
                String state = recognised.containsKey(unit + "|" + level) ? "ACHIEVED"
                        : due != null && due.isBefore(asOf) ? "MISSED" : "OPEN";
                roadmap.add(new RoadmapItem(item.path("itemId").asString(null), unit,
                        item.path("unitName").asString(null), level, item.path("criteriaSetCode").asString(null),
                        due, item.path("description").asString(null), state));
            }
            return new Plan(planId, rs.getString(2), rs.getString(3), rs.getString(4), scope.get(rs.getString(4)),
                    rs.getObject(5, LocalDate.class), rs.getInt(6), targets.getOrDefault(planId, List.of()),
                    deadlines.stream().filter(d -> d.planId().equals(planId)).toList(), roadmap,
                    json.readTree(rs.getString(8)), json.readTree(rs.getString(9)));
        }, ids, asOf, known);
    }

    /** Every task of the plans adopted by {@code asOf}, with its state on that date, by due date. */
    public List<Deadline> deadlines(Map<String, String> scope, LocalDate asOf, Instant knownAt) {
        Timestamp known = Timestamp.from(knownAt);
        return jdbc.query("""
                select t.plan_id, p.number, t.unit_id::text, t.task_id, t.description, t.due_date, t.office,
                       t.unit_ids::text, done.on_date, done.late, missed.event_id is not null
                from plan_task t join plan p on p.plan_id = t.plan_id
                left join lateral (select on_date, late from plan_task_event e
                                    where e.plan_id = t.plan_id and e.task_id = t.task_id and e.kind = 'COMPLETED'
                                      and e.on_date <= ? and e.recorded_at <= ?
                                    order by e.on_date, e.recorded_at, e.event_id limit 1) done on true
                left join lateral (select event_id from plan_task_event e
                                    where e.plan_id = t.plan_id and e.task_id = t.task_id and e.kind = 'MISSED'
                                      and e.on_date <= ? and e.recorded_at <= ? limit 1) missed on true
                where t.unit_id = any(?) and p.adopted_on <= ? and p.recorded_at <= ?
                order by t.due_date, t.plan_id, t.task_id""", (rs, n) -> {
            LocalDate due = rs.getObject(6, LocalDate.class);
            LocalDate completed = rs.getObject(9, LocalDate.class);
            String state = completed != null ? "DONE" : due.isBefore(asOf) ? "MISSED" : "OPEN";
            List<String> unitIds = new ArrayList<>();
            json.readTree(rs.getString(8)).forEach(u -> unitIds.add(u.asString()));
            return new Deadline(rs.getString(1), rs.getString(2), rs.getString(3), scope.get(rs.getString(3)),
                    rs.getString(4), rs.getString(5), due, rs.getString(7), unitIds, state, completed,
                    completed != null && (rs.getBoolean(10) || completed.isAfter(due)), rs.getBoolean(11));
        }, asOf, known, asOf, known, ids(scope.keySet()), asOf, known);
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
        }, ids(scope.keySet()), asOf, Timestamp.from(knownAt));
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
    private Map<String, LocalDate> recognised(LocalDate asOf, Instant knownAt) {
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

    static TargetProgress progress(String targetId, String set, String indicator, String criterion,
                                   String description, String comparator, BigDecimal target, String unit,
                                   LocalDate due, List<MeasuredValue> measured,
                                   StatusProjection.RollupStatusRow criterionStatus, LocalDate asOf) {
        List<Point> series = measured.stream().filter(m -> m.value() != null)
                .map(m -> new Point(m.validOn(), m.value())).toList();
        Point latest = series.isEmpty() ? null : series.get(series.size() - 1);
        Point previous = series.size() < 2 ? null : series.get(series.size() - 2);
        String trend = previous == null ? null
                : switch (latest.value().compareTo(previous.value())) {
                    case 1 -> "UP";
                    case -1 -> "DOWN";
                    default -> "FLAT";
                };
        String state;
        boolean overdue = due != null && due.isBefore(asOf);
        if (indicator == null && criterionStatus != null) {
            state = "MET".equals(criterionStatus.status()) ? "ACHIEVED" : overdue ? "MISSED" : "AT_RISK";
        } else if (latest == null) {
            state = overdue ? "MISSED" : "NO_DATA";
        } else if (meets(latest.value(), comparator, target)) {
            state = "ACHIEVED";
        } else if (overdue) {
            state = "MISSED";
        } else if (previous != null && due != null && meets(projected(previous, latest, due), comparator, target)) {
            state = "ON_TRACK";
        } else {
            state = "AT_RISK";
        }
        return new TargetProgress(targetId, set, indicator, criterion, description, comparator, target, unit, due,
                latest == null ? null : latest.value(), latest == null ? null : latest.validOn(),
                previous == null ? null : previous.value(), trend, state, series);
    }

    /** The value the straight line through the last two points reaches on {@code due}. */
    private static BigDecimal projected(Point previous, Point latest, LocalDate due) {
        long span = ChronoUnit.DAYS.between(previous.validOn(), latest.validOn());
        if (span <= 0) {
            return latest.value();
        }
        BigDecimal slope = latest.value().subtract(previous.value())
                .divide(BigDecimal.valueOf(span), 10, RoundingMode.HALF_UP);
        return latest.value().add(slope.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(latest.validOn(), due))));
    }

    static boolean meets(BigDecimal value, String comparator, BigDecimal target) {
        if (value == null || target == null) {
            return false;
        }
        int c = value.compareTo(target);
        return switch (comparator == null ? ">=" : comparator) {
            case ">", "GT" -> c > 0;
            case "<=", "LE" -> c <= 0;
            case "<", "LT" -> c < 0;
            case "=", "EQ" -> c == 0;
            default -> c >= 0;
        };
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : LocalDate.parse(node.asString());
    }

    private static UUID[] ids(Collection<String> units) {
        return units.stream().map(UUID::fromString).toArray(UUID[]::new);
    }
}
