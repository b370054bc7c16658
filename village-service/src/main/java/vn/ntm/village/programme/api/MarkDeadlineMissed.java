package vn.ntm.village.programme.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the deadline watch once a task's due date has passed while it is open. */
public record MarkDeadlineMissed(@TargetAggregateIdentifier PlanId planId, String taskId, LocalDate today) {
}
