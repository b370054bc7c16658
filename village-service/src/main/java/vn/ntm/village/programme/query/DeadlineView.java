package vn.ntm.village.programme.query;

import java.time.LocalDate;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.unit.api.UnitId;

/** A plan task by its due date, with its status: OPEN, DONE or MISSED. */
public record DeadlineView(PlanId planId, String planNumber, String taskId, String description, LocalDate dueDate,
                           String office, String status, LocalDate completedOn, LocalDate missedOn, UnitId unitId) {

    /** The statuses a task can have. */
    public enum Status { OPEN, DONE, MISSED }
}
