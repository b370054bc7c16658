package vn.ntm.reporting.programme.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
import vn.ntm.reporting.statuses.query.StatusTimelines;
import vn.ntm.reporting.statuses.query.StatusTimelines.MeasuredValue;

/**
 * Plan progress (target, latest value, trend, on track or not: {@link TargetProgressRule}) and deadlines (open, done,
 * missed), derived from the programme facts for a date as known at a time; the recognition pipeline is
 * {@link RecognitionPipeline}'s.
 */
@Component
public class ProgrammeQueries {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final StatusTimelines statuses;
    private final RecognitionPipeline pipeline;

    ProgrammeQueries(JdbcTemplate jdbc, JsonMapper json, StatusTimelines statuses, RecognitionPipeline pipeline) {
        this.jdbc = jdbc;
        this.json = json;
        this.statuses = statuses;
        this.pipeline = pipeline;
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

    public List<Plan> plans(Map<String, String> scope, LocalDate asOf, Instant knownAt) {
        UUID[] ids = ids(scope.keySet());
        Timestamp known = Timestamp.from(knownAt);
        List<Deadline> deadlines = deadlines(scope, asOf, knownAt);
        Map<String, List<MeasuredValue>> values = statuses.measurements(List.of(ids), asOf, knownAt).stream()
                .collect(Collectors.groupingBy(m -> m.unitId() + "|" + m.criteriaSet() + "|" + m.indicatorCode()));
        Map<String, StatusTimelines.RollupStatusRow> criteria = statuses.rollups(List.of(ids), asOf, knownAt)
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
            targets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(TargetProgressRule.progress(
                    rs.getString(2), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getBigDecimal(9), rs.getString(10), rs.getObject(11, LocalDate.class),
                    values.getOrDefault(key, List.of()),
                    criteria.get(rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(6)), asOf));
        }, ids, asOf, known);
        Map<String, LocalDate> recognised = pipeline.recognised(asOf, knownAt);
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

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : LocalDate.parse(node.asString());
    }

    static UUID[] ids(Collection<String> units) {
        return units.stream().map(UUID::fromString).toArray(UUID[]::new);
    }
}
