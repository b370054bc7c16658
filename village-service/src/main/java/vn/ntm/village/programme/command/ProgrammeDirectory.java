package vn.ntm.village.programme.command;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
 * REST queries read it. The criteria statuses it also answers for, as of any date, are timelines fed from Kafka
 * (see CriteriaStandings).
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
    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };
    /** Criterion codes in their natural order: 2 before 10, as criteria-service and catalogues list them. */
    private static final Comparator<String> CODE_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

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
    public Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode, LocalDate on) {
        return setRowOn(unitId, criteriaSetCode, on).map(row -> {
            Map<String, String> names = criteriaNames(criteriaSetCode, row.setVersion());
            List<String> unknown = List.of();
            if (row.criteriaMet() + row.notMet().size() < row.criteriaTotal()) {
                // the set's counts say some are unknown; which, the criteria's own timelines say
                Set<String> known = new HashSet<>(row.notMet());
                criterionStatuses(unitId, criteriaSetCode, on).values().stream()
                        .filter(c -> "MET".equals(c.status())).forEach(c -> known.add(c.code()));
                unknown = names.keySet().stream().filter(code -> !known.contains(code)).toList();
            }
            return new SetStanding(row.status(), row.criteriaMet(), row.criteriaTotal(), named(row.notMet(), names),
                    named(unknown, names), row.validFrom(), row.validUntil(), row.setVersion());
        });
    }

    /** A stretch of a unit's standing against a set, as set_standing holds it; {@code notMet} as codes. */
    private record SetRow(String status, int criteriaMet, int criteriaTotal, List<String> notMet, int setVersion,
                          LocalDate validFrom, LocalDate validUntil) {
    }

    private Optional<SetRow> setRowOn(UnitId unitId, String criteriaSetCode, LocalDate on) {
        return jdbc.query("""
                select status, criteria_met, criteria_total, criteria_not_met::text as not_met, set_version,
                       valid_from, valid_until
                from set_standing
                where unit_id = ? and criteria_set = ? and valid_from <= ?
                  and (valid_until is null or valid_until > ?)""",
                (rs, n) -> new SetRow(rs.getString("status"), rs.getInt("criteria_met"), rs.getInt("criteria_total"),
                        json.readValue(rs.getString("not_met"), CODES), rs.getInt("set_version"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class)),
                uuid(unitId), criteriaSetCode, on, on).stream().findFirst();
    }

    /** A criterion's status on a date and the stretch of valid time it holds on; UNKNOWN without dates: none. */
    public record CriterionStanding(String code, String name, String status, LocalDate validFrom,
                                    LocalDate validUntil) {
    }

    /**
     * Each criterion's status on {@code on}: those of the set version in force that day (by the set's standing of that
     * day, else the latest version known), each with the stretch it holds on; a criterion without a status is
     * UNKNOWN. Without the set's catalogue, the criteria with a status.
     */
    public List<CriterionStanding> criteriaOn(UnitId unitId, String criteriaSetCode, LocalDate on) {
        Map<String, String> names = criteriaNames(criteriaSetCode,
                setRowOn(unitId, criteriaSetCode, on).map(SetRow::setVersion).orElse(0));
        Map<String, CriterionStanding> statuses = criterionStatuses(unitId, criteriaSetCode, on);
        if (names.isEmpty()) {
            return statuses.values().stream().sorted(Comparator.comparing(CriterionStanding::code, CODE_ORDER))
                    .toList();
        }
        return names.entrySet().stream().map(e -> {
            CriterionStanding known = statuses.get(e.getKey());
            return known == null ? new CriterionStanding(e.getKey(), e.getValue(), "UNKNOWN", null, null)
                    : new CriterionStanding(e.getKey(), e.getValue(), known.status(), known.validFrom(),
                    known.validUntil());
        }).toList();
    }

    /** The criteria with a status on {@code on}, by code (names not filled in). */
    private Map<String, CriterionStanding> criterionStatuses(UnitId unitId, String criteriaSetCode, LocalDate on) {
        Map<String, CriterionStanding> statuses = new LinkedHashMap<>();
        jdbc.query("""
                select criterion_code, status, valid_from, valid_until from criterion_standing
                where unit_id = ? and criteria_set = ? and valid_from <= ?
                  and (valid_until is null or valid_until > ?)""",
                rs -> {
                    String code = rs.getString("criterion_code");
                    statuses.put(code, new CriterionStanding(code, null, rs.getString("status"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class)));
                }, uuid(unitId), criteriaSetCode, on, on);
        return statuses;
    }

    /**
     * The criteria of a set version as published, code → Vietnamese name, in code order; the latest version known
     * when that one has not arrived (or is 0, not said); empty when no version has.
     */
    public Map<String, String> criteriaNames(String criteriaSetCode, int version) {
        Map<String, String> names = new TreeMap<>(CODE_ORDER);
        jdbc.queryForList("""
                select criteria::text from criteria_set_name where code = ?
                order by version = ? desc, version desc limit 1""", String.class, criteriaSetCode, version)
                .forEach(criteria -> names.putAll(json.readValue(criteria, NAMES)));
        return names;
    }

    private static List<Criterion> named(List<String> codes, Map<String, String> names) {
        return codes.stream().sorted(CODE_ORDER).map(code -> new Criterion(code, names.get(code))).toList();
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
        plan.put("taskStatus", plainDates(jdbc.queryForList("""
                select task_id as "taskId", description, due_date as "dueDate", office, status,
                       completed_on as "completedOn", missed_on as "missedOn"
                from plan_task where plan_id = ? order by due_date, task_id""", plan.get("planId"))));
        return plan;
    }

    /**
     * Rows read as maps carry {@code java.sql.Date}, which JSON would write as a midnight instant
     * ({@code 2024-04-01T00:00:00.000Z}, or the day before in a zone east of UTC); every other date of the API is a
     * plain {@code 2024-04-01}.
     */
    private static List<Map<String, Object>> plainDates(List<Map<String, Object>> rows) {
        rows.forEach(row -> row.replaceAll((column, value) -> value instanceof java.sql.Date date
                ? date.toLocalDate() : value));
        return rows;
    }

    /** Tasks with their status (OPEN, DONE, MISSED), optionally of one unit's plans and of one status. */
    public List<Map<String, Object>> deadlines(UnitId unitId, String status) {
        return plainDates(jdbc.queryForList("""
                select t.plan_id as "planId", p.number as "planNumber", t.task_id as "taskId", t.description,
                       t.due_date as "dueDate", t.office, t.status, t.completed_on as "completedOn",
                       t.missed_on as "missedOn", t.unit_id as "unitId"
                from plan_task t join plan_view p on p.plan_id = t.plan_id
                where (cast(? as uuid) is null or t.unit_id = cast(? as uuid))
                  and (cast(? as varchar) is null or t.status = ?)
                order by t.due_date, t.task_id""", uuid(unitId), uuid(unitId), status, status));
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

    /** A recognition decided against a set: in force from {@code decidedOn} until {@code revokedOn} (null: still). */
    public record Decided(String recognitionId, LocalDate decidedOn, LocalDate revokedOn) {
    }

    /** The unit's recognitions against the set that were decided, revoked since or not. */
    public List<Decided> recognitionsDecided(UnitId unitId, String criteriaSet) {
        return jdbc.query("""
                select recognition_id, decided_on, revoked_on from recognition_view
                where unit_id = ? and criteria_set = ? and decided_on is not null order by decided_on""",
                (rs, row) -> new Decided(rs.getString("recognition_id"), rs.getObject("decided_on", LocalDate.class),
                        rs.getObject("revoked_on", LocalDate.class)), uuid(unitId), criteriaSet);
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
