package vn.ntm.village.programme.query;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.unit.api.UnitId;

/** A plan as adopted (the fields of {@link PlanAdopted}), with each task's status now. */
public record PlanView(PlanId planId, UnitId unitId, List<UnitRef> path, String number, String title,
                       LocalDate adoptedOn, String signer, int year, List<PlanParts.Target> targets,
                       List<PlanParts.RoadmapItem> roadmap, List<PlanParts.Task> tasks,
                       List<PlanParts.Assignment> assignments, List<PlanParts.RewardRule> rewards, Actor actor,
                       List<TaskStatus> taskStatus) {

    /** A task with its status: OPEN, DONE (on {@code completedOn}) or MISSED (on {@code missedOn}). */
    public record TaskStatus(String taskId, String description, LocalDate dueDate, String office, String status,
                             LocalDate completedOn, LocalDate missedOn) {
    }

    static PlanView of(PlanAdopted plan, List<TaskStatus> taskStatus) {
        return new PlanView(plan.planId(), plan.unitId(), plan.path(), plan.number(), plan.title(), plan.adoptedOn(),
                plan.signer(), plan.year(), plan.targets(), plan.roadmap(), plan.tasks(), plan.assignments(),
                plan.rewards(), plan.actor(), taskStatus);
    }
}
