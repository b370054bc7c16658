package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** Recorded by village-service's clock the day after the due date, once per task. */
public record PlanDeadlineMissed(PlanId planId, UnitId unitId, List<UnitRef> path, String taskId, String description,
                                 LocalDate dueDate, String responsibleOffice, LocalDate missedOn, Actor actor) {
}
