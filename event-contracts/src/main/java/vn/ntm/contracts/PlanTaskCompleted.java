package vn.ntm.contracts;

import java.time.LocalDate;

/** A plan task was marked done; {@code late} when it was completed after its due date. */
public record PlanTaskCompleted(String planId, String taskId, LocalDate completedOn, LocalDate dueDate, boolean late,
                                String note) implements IntegrationPayload {
}
