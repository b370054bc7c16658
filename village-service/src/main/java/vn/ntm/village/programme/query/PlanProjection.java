package vn.ntm.village.programme.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanDeadlineMissed;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.PlanTaskCompleted;

/**
 * Plans and their tasks as tables ({@code plan_view}, {@code plan_task}), kept in the same transaction as the events
 * (the subscribing processor {@value #PROCESSING_GROUP}, shared with {@link RecognitionProjection}): the command side
 * reads them (the deadline watch, reward rules) as well as {@link ProgrammeQueries}.
 */
@Component
@ProcessingGroup(PlanProjection.PROCESSING_GROUP)
class PlanProjection {

    /** The processing group's name since the programme tables were one class (its token is kept under it). */
    static final String PROCESSING_GROUP = "programme-directory";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    PlanProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(PlanAdopted event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        UUID unit = event.unitId().uuid();
        jdbc.update("""
                insert into plan_view (plan_id, unit_id, number, title, adopted_on, signer, year, plan, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""",
                event.planId().value(), unit, event.number(), event.title(), event.adoptedOn(), event.signer(),
                event.year(), json.writeValueAsString(event), Timestamp.from(recordedAt));
        for (PlanParts.Task task : event.tasks()) {
            jdbc.update("""
                    insert into plan_task (plan_id, task_id, unit_id, description, due_date, office, status)
                    values (?, ?, ?, ?, ?, ?, 'OPEN')""",
                    event.planId().value(), task.taskId(), unit, task.description(), task.dueDate(),
                    task.responsibleOffice());
        }
    }

    @EventHandler
    void on(PlanTaskCompleted event) {
        jdbc.update("update plan_task set status = 'DONE', completed_on = ? where plan_id = ? and task_id = ?",
                event.completedOn(), event.planId().value(), event.taskId());
    }

    @EventHandler
    void on(PlanDeadlineMissed event) {
        jdbc.update("update plan_task set status = 'MISSED', missed_on = ? where plan_id = ? and task_id = ?",
                event.missedOn(), event.planId().value(), event.taskId());
    }
}
