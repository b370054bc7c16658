package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.village.unit.api.UnitId;

/** Commands on a plan. */
public final class PlanCommands {

    private PlanCommands() {
    }

    public record AdoptPlan(String planId, UnitId unitId, String number, String title, LocalDate adoptedOn,
                            String signer, int year, List<PlanParts.Target> targets,
                            List<PlanParts.RoadmapItem> roadmap, List<PlanParts.Task> tasks,
                            List<PlanParts.Assignment> assignments, List<PlanParts.RewardRule> rewards, Actor actor) {
    }

    public record CompleteTask(@TargetAggregateIdentifier String planId, String taskId, LocalDate completedOn,
                               String note, Actor actor) {
    }

    /** Sent by the deadline watch once a task's due date has passed while it is open. */
    public record MarkDeadlineMissed(@TargetAggregateIdentifier String planId, String taskId, LocalDate today) {
    }
}
