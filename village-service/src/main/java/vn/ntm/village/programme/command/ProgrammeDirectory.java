package vn.ntm.village.programme.command;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.support.security.UnitOwners;
import vn.ntm.village.programme.api.PlanEvents.PlanAdopted;
import vn.ntm.village.programme.api.PlanEvents.PlanDeadlineMissed;
import vn.ntm.village.programme.api.PlanEvents.PlanTaskCompleted;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionDecided;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionRequested;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionRevoked;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionStepRecorded;
import vn.ntm.village.programme.api.RecognitionEvents.RevocationWarning;
import vn.ntm.village.programme.api.RecognitionEvents.RewardGranted;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.programme.api.RecognitionStep;
import vn.ntm.village.unit.api.UnitId;

/**
 * Plans, their tasks and recognitions as tables, kept in the same transaction as the events (subscribing processor):
 * the deadline watch finds open tasks here, the recognition rules find other requests and reward rules here, and the
 * REST queries read it. The criteria statuses it also answers for are fed from Kafka (see CriteriaStandings).
 */
@Component
@ProcessingGroup(ProgrammeDirectory.PROCESSING_GROUP)
public class ProgrammeDirectory implements ProgrammeLookup, UnitOwners {

    public static final String PROCESSING_GROUP = "programme-directory";
    private static final TypeReference<List<PlanParts.RewardRule>> RULES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ProgrammeDirectory(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PlanAdopted event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.update("""
                insert into plan_view (plan_id, unit_id, number, title, adopted_on, signer, year, plan, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""",
                event.planId(), uuid(event.unitId()), event.number(), event.title(), event.adoptedOn(),
                event.signer(), event.year(), json.writeValueAsString(event), Timestamp.from(recordedAt));
        for (PlanParts.Task task : event.tasks()) {
            jdbc.update("""
                    insert into plan_task (plan_id, task_id, unit_id, description, due_date, office, status)
                    values (?, ?, ?, ?, ?, ?, 'OPEN')""",
                    event.planId(), task.taskId(), uuid(event.unitId()), task.description(), task.dueDate(),
                    task.responsibleOffice());
        }
    }

    @EventHandler
    void on(PlanTaskCompleted event) {
        jdbc.update("update plan_task set status = 'DONE', completed_on = ? where plan_id = ? and task_id = ?",
                event.completedOn(), event.planId(), event.taskId());
    }

    @EventHandler
    void on(PlanDeadlineMissed event) {
        jdbc.update("update plan_task set status = 'MISSED', missed_on = ? where plan_id = ? and task_id = ?",
                event.missedOn(), event.planId(), event.taskId());
    }

    @EventHandler
    void on(RecognitionRequested event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.update("""
                insert into recognition_view (recognition_id, unit_id, level, criteria_set, status, requested_on,
                                              history, recorded_at)
                values (?, ?, ?, ?, 'REQUESTED', ?, cast(? as jsonb), ?)""",
                event.recognitionId(), uuid(event.unitId()), event.level().name(), event.criteriaSetCode(),
                event.requestedOn(), history("REQUESTED", event), Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(RecognitionStepRecorded event) {
        boolean rejected = !event.passed() && (event.step() == RecognitionStep.HIGHER_LEVEL_CHECK
                || event.step() == RecognitionStep.APPRAISAL);
        append(event.recognitionId(), rejected ? "REJECTED" : event.step().name(), event.step().name(), event);
    }

    @EventHandler
    void on(RecognitionDecided event) {
        jdbc.update("update recognition_view set decided_on = ?, decision_number = ? where recognition_id = ?",
                event.decidedOn(), event.decisionNumber(), event.recognitionId());
        append(event.recognitionId(), "DECIDED", "DECISION", event);
    }

    @EventHandler
    void on(RewardGranted event) {
        append(event.recognitionId(), null, "REWARD", event);
    }

    @EventHandler
    void on(RevocationWarning event) {
        append(event.recognitionId(), null, "REVOCATION_WARNING", event);
    }

    @EventHandler
    void on(RecognitionRevoked event) {
        jdbc.update("update recognition_view set revoked_on = ? where recognition_id = ?", event.decidedOn(),
                event.recognitionId());
        append(event.recognitionId(), "REVOKED", "REVOCATION", event);
    }

    private void append(String recognitionId, String status, String kind, Object event) {
        jdbc.update("""
                update recognition_view set status = coalesce(?, status), history = history || cast(? as jsonb)
                where recognition_id = ?""", status, history(kind, event), recognitionId);
    }

    private String history(String kind, Object event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("kind", kind);
        entry.putAll(json.convertValue(event, OBJECT));
        entry.remove("path");
        return json.writeValueAsString(List.of(entry));
    }

    @Override
    public boolean recognitionUnderWayOrHeld(UnitId unitId, RecognitionLevel level) {
        Integer count = jdbc.queryForObject("""
                select count(*) from recognition_view
                where unit_id = ? and level = ? and status not in ('REJECTED', 'REVOKED')""",
                Integer.class, uuid(unitId), level.name());
        return count != null && count > 0;
    }

    @Override
    public List<Reward> rewards(List<UnitId> units, int year) {
        List<Reward> rewards = new ArrayList<>();
        for (UnitId unit : units) {
            jdbc.query("select plan_id, number, plan -> 'rewards' as rules from plan_view where unit_id = ? "
                            + "and year = ? order by adopted_on", rs -> {
                for (PlanParts.RewardRule rule : json.readValue(rs.getString("rules"), RULES)) {
                    rewards.add(new Reward(rs.getString("plan_id"), rs.getString("number"), rule));
                }
            }, uuid(unit), year);
        }
        return rewards;
    }

    @Override
    public Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode) {
        return jdbc.query("""
                select status, criteria_met, criteria_total, valid_on from set_standing
                where unit_id = ? and criteria_set = ?""", (rs, row) -> new SetStanding(rs.getString("status"),
                rs.getInt("criteria_met"), rs.getInt("criteria_total"), notMet(unitId, criteriaSetCode),
                rs.getObject("valid_on", LocalDate.class)), uuid(unitId), criteriaSetCode).stream().findFirst();
    }

    /** The criteria of the set (latest version known) not reported met for the unit, as "code name". */
    public List<String> notMet(UnitId unitId, String criteriaSetCode) {
        return jdbc.queryForList("""
                select c.key || ' ' || (c.value #>> '{}')
                from (select criteria from criteria_set_name where code = ? order by version desc limit 1) s,
                     jsonb_each(s.criteria) c
                where not exists (select 1 from criterion_standing m where m.unit_id = ? and m.criteria_set = ?
                                  and m.criterion_code = c.key and m.status = 'MET')
                order by length(c.key), c.key""", String.class, criteriaSetCode, uuid(unitId), criteriaSetCode);
    }

    /** Plans of a unit, newest first, as adopted (targets, roadmap, tasks, assignments, rewards). */
    public List<Map<String, Object>> plans(UnitId unitId) {
        return jdbc.query("select plan from plan_view where unit_id = ? order by adopted_on desc",
                (rs, row) -> planWithTasks(json.readValue(rs.getString(1), OBJECT)), uuid(unitId));
    }

    public Optional<Map<String, Object>> plan(String planId) {
        return jdbc.query("select plan from plan_view where plan_id = ?",
                (rs, row) -> planWithTasks(json.readValue(rs.getString(1), OBJECT)), planId).stream().findFirst();
    }

    /** The unit a plan or a recognition belongs to, for access control. */
    @Override
    public Optional<String> unitOf(String kind, String id) {
        String table = switch (kind) {
            case "plan" -> "plan_view where plan_id = ?";
            case "recognition" -> "recognition_view where recognition_id = ?";
            default -> throw new IllegalArgumentException("No records of kind " + kind);
        };
        return jdbc.queryForList("select unit_id::text from " + table, String.class, id).stream().findFirst();
    }

    private Map<String, Object> planWithTasks(Map<String, Object> plan) {
        plan.put("taskStatus", jdbc.queryForList("""
                select task_id as "taskId", description, due_date as "dueDate", office, status,
                       completed_on as "completedOn", missed_on as "missedOn"
                from plan_task where plan_id = ? order by due_date, task_id""", plan.get("planId")));
        return plan;
    }

    /** Tasks with their status (OPEN, DONE, MISSED), optionally of one unit's plans and of one status. */
    public List<Map<String, Object>> deadlines(UnitId unitId, String status) {
        return jdbc.queryForList("""
                select t.plan_id as "planId", p.number as "planNumber", t.task_id as "taskId", t.description,
                       t.due_date as "dueDate", t.office, t.status, t.completed_on as "completedOn",
                       t.missed_on as "missedOn", t.unit_id as "unitId"
                from plan_task t join plan_view p on p.plan_id = t.plan_id
                where (cast(? as uuid) is null or t.unit_id = cast(? as uuid))
                  and (cast(? as varchar) is null or t.status = ?)
                order by t.due_date, t.task_id""", uuid(unitId), uuid(unitId), status, status);
    }

    /** Open tasks whose due date is before {@code today}: the deadline watch marks them missed. */
    public List<Map<String, Object>> overdue(LocalDate today) {
        return jdbc.queryForList("""
                select plan_id as "planId", task_id as "taskId" from plan_task
                where status = 'OPEN' and due_date < ? order by due_date""", today);
    }

    public Optional<Map<String, Object>> recognition(String recognitionId) {
        return jdbc.query("select * from recognition_view where recognition_id = ?", (rs, row) -> recognitionRow(rs),
                recognitionId).stream().findFirst();
    }

    public List<Map<String, Object>> recognitions(UnitId unitId) {
        return jdbc.query("select * from recognition_view where unit_id = ? order by requested_on",
                (rs, row) -> recognitionRow(rs), uuid(unitId));
    }

    /** Recognitions in force (decided, not revoked) of a unit against a set. */
    public List<Map<String, Object>> recognitionsInForce(UnitId unitId, String criteriaSet) {
        return jdbc.query("""
                select * from recognition_view where unit_id = ? and criteria_set = ? and decided_on is not null
                  and revoked_on is null""", (rs, row) -> recognitionRow(rs), uuid(unitId), criteriaSet);
    }

    private Map<String, Object> recognitionRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("recognitionId", rs.getString("recognition_id"));
        row.put("unitId", rs.getString("unit_id"));
        row.put("level", rs.getString("level"));
        row.put("criteriaSetCode", rs.getString("criteria_set"));
        row.put("status", rs.getString("status"));
        row.put("requestedOn", rs.getObject("requested_on", LocalDate.class));
        row.put("decidedOn", rs.getObject("decided_on", LocalDate.class));
        row.put("decisionNumber", rs.getString("decision_number"));
        row.put("revokedOn", rs.getObject("revoked_on", LocalDate.class));
        row.put("history", json.readValue(rs.getString("history"), LIST));
        return row;
    }

    private static UUID uuid(UnitId id) {
        return id == null ? null : UUID.fromString(id.value());
    }
}
