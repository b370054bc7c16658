package vn.ntm.village.programme.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** Records a plan task as done (late, if it was missed). */
public record CompleteTask(@TargetAggregateIdentifier PlanId planId, String taskId, LocalDate completedOn, String note,
                           Actor actor) {
}
