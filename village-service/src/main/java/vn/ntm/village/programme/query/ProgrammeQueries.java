package vn.ntm.village.programme.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.programme.command.ProgrammeLookup;
import vn.ntm.village.programme.command.StandingTimelines;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.command.UnitDirectory;

/**
 * The programme's read side: plans with their tasks' status, deadlines, recognitions with their history, and a
 * unit's standing against a criteria set on a date. A unit, plan or recognition that is not there is 404.
 */
@Component
public class ProgrammeQueries {

    private static final TypeReference<List<JsonNode>> HISTORY = new TypeReference<>() {
    };
    private static final String DEADLINE = """
            select t.plan_id, p.number, t.task_id, t.description, t.due_date, t.office, t.status, t.completed_on,
                   t.missed_on, t.unit_id
            from plan_task t join plan_view p on p.plan_id = t.plan_id
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final UnitDirectory units;
    private final StandingTimelines standings;

    ProgrammeQueries(JdbcTemplate jdbc, JsonMapper json, UnitDirectory units, StandingTimelines standings) {
        this.jdbc = jdbc;
        this.json = json;
        this.units = units;
        this.standings = standings;
    }

    /** Plans of a unit, newest first, as adopted (targets, roadmap, tasks, assignments, rewards). */
    public List<PlanView> plans(String unitId) {
        return jdbc.query("select plan from plan_view where unit_id = ? order by adopted_on desc",
                (rs, row) -> plan(rs), units.existing(unitId).uuid());
    }

    /** The plan; 404 {@code plan-not-found} when there is none (or the id is not one). */
    public PlanView plan(String planId) {
        return PlanId.IDS.parse(planId).flatMap(id -> jdbc.query("select plan from plan_view where plan_id = ?",
                        (rs, row) -> plan(rs), id.value()).stream().findFirst())
                .orElseThrow(() -> RuleViolation.notFound("plan-not-found", planId));
    }

    public PlanView plan(PlanId planId) {
        return plan(planId.value());
    }

    private PlanView plan(ResultSet rs) throws SQLException {
        PlanAdopted plan = json.readValue(rs.getString("plan"), PlanAdopted.class);
        return PlanView.of(plan, jdbc.query("""
                        select task_id, description, due_date, office, status, completed_on, missed_on
                        from plan_task where plan_id = ? order by due_date, task_id""",
                (task, n) -> new PlanView.TaskStatus(task.getString("task_id"), task.getString("description"),
                        date(task, "due_date"), task.getString("office"), task.getString("status"),
                        date(task, "completed_on"), date(task, "missed_on")), plan.planId().value()));
    }

    /** Tasks with their status, by due date: all, or of one unit's plans (404 without such a unit), of one status. */
    public List<DeadlineView> deadlines(String unitId, DeadlineView.Status status) {
        UUID unit = unitId == null || unitId.isBlank() ? null : units.existing(unitId).uuid();
        String state = status == null ? null : status.name();
        return jdbc.query(DEADLINE + """
                        where (cast(? as uuid) is null or t.unit_id = cast(? as uuid))
                          and (cast(? as varchar) is null or t.status = ?)
                        order by t.due_date, t.task_id""",
                (rs, n) -> new DeadlineView(new PlanId(rs.getString("plan_id")), rs.getString("number"),
                        rs.getString("task_id"), rs.getString("description"), date(rs, "due_date"),
                        rs.getString("office"), rs.getString("status"), date(rs, "completed_on"),
                        date(rs, "missed_on"), new UnitId(rs.getString("unit_id"))), unit, unit, state, state);
    }

    /** The recognition; 404 {@code recognition-not-found} when there is none (or the id is not one). */
    public RecognitionView recognition(String recognitionId) {
        return RecognitionId.IDS.parse(recognitionId).flatMap(id -> jdbc.query(
                        "select * from recognition_view where recognition_id = ?", (rs, row) -> recognition(rs),
                        id.value()).stream().findFirst())
                .orElseThrow(() -> RuleViolation.notFound("recognition-not-found", recognitionId));
    }

    public RecognitionView recognition(RecognitionId recognitionId) {
        return recognition(recognitionId.value());
    }

    /** The unit's recognitions in the order they were requested. */
    public List<RecognitionView> recognitions(String unitId) {
        return jdbc.query("select * from recognition_view where unit_id = ? order by requested_on",
                (rs, row) -> recognition(rs), units.existing(unitId).uuid());
    }

    private RecognitionView recognition(ResultSet rs) throws SQLException {
        return new RecognitionView(new RecognitionId(rs.getString("recognition_id")),
                new UnitId(rs.getString("unit_id")), RecognitionLevel.valueOf(rs.getString("level")),
                rs.getString("criteria_set"), rs.getString("status"), date(rs, "requested_on"),
                date(rs, "decided_on"), rs.getString("decision_number"), date(rs, "revoked_on"),
                json.readValue(rs.getString("history"), HISTORY));
    }

    /**
     * The unit's standing against the set on {@code on}, as this service learnt it from criteria-service; 404
     * {@code standing-not-known} when no status of that date has arrived.
     */
    public StandingView standing(String unitId, String criteriaSet, LocalDate on) {
        UnitId unit = units.existing(unitId);
        ProgrammeLookup.SetStanding standing = standings.standing(unit, criteriaSet, on)
                .orElseThrow(() -> RuleViolation.notFound("standing-not-known", criteriaSet, on));
        return new StandingView(on, standing.status(), standing.criteriaMet(), standing.criteriaTotal(),
                standing.notMet().stream().map(ProgrammeLookup.Criterion::label).toList(),
                standing.unknown().stream().map(ProgrammeLookup.Criterion::label).toList(), standing.validFrom(),
                standing.validUntil(), standing.setVersion(), standings.criteriaOn(unit, criteriaSet, on));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

}
