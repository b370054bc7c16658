package vn.ntm.reporting.programme.messaging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.PlanAdopted;
import vn.ntm.contracts.PlanDeadlineMissed;
import vn.ntm.contracts.PlanTaskCompleted;
import vn.ntm.contracts.RecognitionDecided;
import vn.ntm.contracts.RecognitionRequested;
import vn.ntm.contracts.RecognitionRevoked;
import vn.ntm.contracts.RecognitionStepRecorded;
import vn.ntm.contracts.RevocationWarning;
import vn.ntm.contracts.RewardGranted;

/**
 * Folds the programme events (plans, tasks, deadlines, the recognition procedure, rewards, revocation) into facts:
 * {@code plan}, {@code plan_target}, {@code plan_task}, {@code plan_task_event}, {@code recognition_event}. Progress,
 * deadline states and pipeline stages are derived from them when asked, for the date asked.
 */
@Component
public class ProgrammeFold {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ProgrammeFold(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void apply(Envelope<?> e) {
        Object payload = e.payload();
        if (payload instanceof PlanAdopted plan) {
            adopt(e, plan);
        } else if (payload instanceof PlanTaskCompleted done) {
            taskEvent(e, done.planId(), done.taskId(), "COMPLETED", done.completedOn(), done.late(), done.note());
        } else if (payload instanceof PlanDeadlineMissed missed) {
            taskEvent(e, missed.planId(), missed.taskId(), "MISSED", missed.dueDate(), true, null);
        } else if (payload instanceof RecognitionRequested r) {
            recognition(e, r.recognitionId(), "REQUESTED", null, r.level(), r.criteriaSetCode(), r.requestedOn(),
                    null, null, null, null, Map.of("criteriaMet", r.criteriaMet(), "criteriaTotal", r.criteriaTotal(),
                            "standingOn", String.valueOf(r.standingOn()),
                            "noOverdueConstructionDebt", r.noOverdueConstructionDebt(), "evidence", r.evidence()));
        } else if (payload instanceof RecognitionStepRecorded s) {
            recognition(e, s.recognitionId(), "STEP", s.step(), null, null, s.on(), s.passed(), s.by(), null, null,
                    Map.of("note", s.note() == null ? "" : s.note(), "villages", s.villages()));
        } else if (payload instanceof RecognitionDecided d) {
            recognition(e, d.recognitionId(), "DECIDED", null, d.level(), d.criteriaSetCode(), d.decidedOn(), true,
                    d.authority(), d.decisionNumber(), null, Map.of());
        } else if (payload instanceof RewardGranted r) {
            recognition(e, r.recognitionId(), "REWARD", null, null, null, e.validOn(), null, r.budgetSource(),
                    r.planNumber(), r.amount(), Map.of("planId", r.planId(), "ruleId", r.ruleId()));
        } else if (payload instanceof RevocationWarning w) {
            recognition(e, w.recognitionId(), "WARNING", w.trigger(), w.level(), w.criteriaSetCode(), e.validOn(),
                    null, null, null, null, Map.of("criteriaFailing", w.criteriaFailing(),
                            "criteriaTotal", w.criteriaTotal(), "failingCriteria", w.failingCriteria(),
                            "failingKeyCriteria", w.failingKeyCriteria()));
        } else if (payload instanceof RecognitionRevoked r) {
            recognition(e, r.recognitionId(), "REVOKED", null, r.level(), null, r.decidedOn(), null, r.authority(),
                    r.decisionNumber(), null, Map.of("reason", r.reason() == null ? "" : r.reason()));
        }
    }

    private void adopt(Envelope<?> e, PlanAdopted plan) {
        UUID unit = UUID.fromString(e.unitId());
        int inserted = jdbc.update("""
                insert into plan (plan_id, event_id, unit_id, number, title, adopted_on, signer, year, roadmap,
                                  assignments, rewards, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?)
                on conflict (plan_id) do nothing""",
                plan.planId(), e.eventId(), unit, plan.number(), plan.title(),
                plan.adoptedOn() != null ? plan.adoptedOn() : e.validOn(), plan.signer(), plan.year(),
                json.writeValueAsString(plan.roadmap()), json.writeValueAsString(plan.assignments()),
                json.writeValueAsString(plan.rewards()), Timestamp.from(e.recordedAt()));
        if (inserted == 0) {
            return;
        }
        for (PlanAdopted.Target t : plan.targets()) {
            jdbc.update("""
                    insert into plan_target (plan_id, target_id, unit_id, criteria_set, indicator_code, criterion_code,
                        description, comparator, value, unit, due_date)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    plan.planId(), t.targetId(), unit, t.criteriaSetCode(), t.indicatorCode(), t.criterionCode(),
                    t.description(), t.comparator(), t.value(), t.unit(), t.dueDate());
        }
        for (PlanAdopted.Task t : plan.tasks()) {
            jdbc.update("""
                    insert into plan_task (plan_id, task_id, unit_id, description, due_date, office, unit_ids)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb)) on conflict do nothing""",
                    plan.planId(), t.taskId(), unit, t.description(), t.dueDate(), t.responsibleOffice(),
                    json.writeValueAsString(t.unitIds() == null ? java.util.List.of() : t.unitIds()));
        }
    }

    private void taskEvent(Envelope<?> e, String planId, String taskId, String kind, LocalDate on, boolean late,
                           String note) {
        jdbc.update("""
                insert into plan_task_event (event_id, plan_id, task_id, kind, on_date, late, note, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                e.eventId(), planId, taskId, kind, on != null ? on : e.validOn(), late, note,
                Timestamp.from(e.recordedAt()));
    }

    private void recognition(Envelope<?> e, String recognitionId, String kind, String step, String level, String set,
                             LocalDate on, Boolean passed, String by, String decision, BigDecimal amount,
                             Map<String, ?> detail) {
        jdbc.update("""
                insert into recognition_event (event_id, unit_id, recognition_id, kind, step, level, criteria_set,
                    on_date, passed, actor_by, decision_number, amount, detail, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""",
                e.eventId(), UUID.fromString(e.unitId()), recognitionId, kind, step, level, set,
                on != null ? on : e.validOn(), passed, by, decision, amount, json.writeValueAsString(detail),
                Timestamp.from(e.recordedAt()));
    }
}
