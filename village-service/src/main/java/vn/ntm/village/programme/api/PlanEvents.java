package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** The stored events of a plan. */
public final class PlanEvents {

    private PlanEvents() {
    }

    public record PlanAdopted(String planId, UnitId unitId, List<UnitRef> path, String number, String title,
                              LocalDate adoptedOn, String signer, int year, List<PlanParts.Target> targets,
                              List<PlanParts.RoadmapItem> roadmap, List<PlanParts.Task> tasks,
                              List<PlanParts.Assignment> assignments, List<PlanParts.RewardRule> rewards,
                              Actor actor) {
    }

    public record PlanTaskCompleted(String planId, UnitId unitId, List<UnitRef> path, String taskId,
                                    LocalDate completedOn, LocalDate dueDate, String note, Actor actor) {
    }

    /** Recorded by village-service's clock the day after the due date, once per task. */
    public record PlanDeadlineMissed(String planId, UnitId unitId, List<UnitRef> path, String taskId,
                                     String description, LocalDate dueDate, String responsibleOffice,
                                     LocalDate missedOn, Actor actor) {
    }
}
