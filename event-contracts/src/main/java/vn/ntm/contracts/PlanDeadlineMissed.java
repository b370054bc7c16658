package vn.ntm.contracts;

import java.time.LocalDate;

/** A plan task was still open when its due date passed (emitted by village-service's clock, once per task). */
public record PlanDeadlineMissed(String planId, String taskId, String description, LocalDate dueDate,
                                 String responsibleOffice) implements IntegrationPayload {
}
