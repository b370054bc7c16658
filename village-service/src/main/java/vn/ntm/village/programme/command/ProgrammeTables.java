package vn.ntm.village.programme.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.unit.api.UnitId;

/**
 * What the command side reads of the programme tables (kept in the events' transaction by the projections of the
 * query side, so never stale): whether an id is taken, other requests of a unit, plans' reward rules, recognitions in
 * force, open tasks past their date, and, through {@link StandingTimelines}, the criteria statuses of a date.
 */
@Component
public class ProgrammeTables implements ProgrammeLookup {

    private static final TypeReference<List<PlanParts.RewardRule>> RULES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final StandingTimelines standings;

    ProgrammeTables(JdbcTemplate jdbc, JsonMapper json, StandingTimelines standings) {
        this.jdbc = jdbc;
        this.json = json;
        this.standings = standings;
    }

    @Override
    public Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode, LocalDate on) {
        return standings.standing(unitId, criteriaSetCode, on);
    }

    @Override
    public boolean recognitionUnderWayOrHeld(UnitId unitId, RecognitionLevel level) {
        Integer count = jdbc.queryForObject("""
                select count(*) from recognition_view
                where unit_id = ? and level = ? and status not in ('REJECTED', 'REVOKED')""",
                Integer.class, unitId.uuid(), level.name());
        return count != null && count > 0;
    }

    @Override
    public List<Reward> rewards(List<UnitId> units, int year) {
        List<Reward> rewards = new ArrayList<>();
        for (UnitId unit : units) {
            jdbc.query("select plan_id, number, plan -> 'rewards' as rules from plan_view where unit_id = ? "
                            + "and year = ? order by adopted_on", rs -> {
                for (PlanParts.RewardRule rule : json.readValue(rs.getString("rules"), RULES)) {
                    rewards.add(new Reward(new PlanId(rs.getString("plan_id")), rs.getString("number"), rule));
                }
            }, unit.uuid(), year);
        }
        return rewards;
    }

    /** Whether a plan of this id was adopted. */
    public boolean planAdopted(PlanId planId) {
        return exists("plan_view where plan_id = ?", planId.value());
    }

    /** Whether a recognition of this id was requested. */
    public boolean recognitionRequested(RecognitionId recognitionId) {
        return exists("recognition_view where recognition_id = ?", recognitionId.value());
    }

    /** A recognition decided against a set: in force from {@code decidedOn} until {@code revokedOn} (null: still). */
    public record Decided(RecognitionId recognitionId, LocalDate decidedOn, LocalDate revokedOn) {
    }

    /** The unit's recognitions against the set that were decided, revoked since or not. */
    public List<Decided> recognitionsDecided(UnitId unitId, String criteriaSet) {
        return jdbc.query("""
                select recognition_id, decided_on, revoked_on from recognition_view
                where unit_id = ? and criteria_set = ? and decided_on is not null order by decided_on""",
                (rs, row) -> new Decided(new RecognitionId(rs.getString("recognition_id")),
                        rs.getObject("decided_on", LocalDate.class), rs.getObject("revoked_on", LocalDate.class)),
                unitId.uuid(), criteriaSet);
    }

    /** A task of a plan. */
    public record TaskRef(PlanId planId, String taskId) {
    }

    /** Open tasks whose due date is before {@code today}: the deadline watch marks them missed. */
    public List<TaskRef> overdue(LocalDate today) {
        return jdbc.query("""
                select plan_id, task_id from plan_task
                where status = 'OPEN' and due_date < ? order by due_date""",
                (rs, row) -> new TaskRef(new PlanId(rs.getString("plan_id")), rs.getString("task_id")), today);
    }

    private boolean exists(String tableAndCondition, String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + tableAndCondition + ")",
                Boolean.class, id));
    }

}
