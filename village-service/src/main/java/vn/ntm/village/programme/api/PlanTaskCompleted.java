package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** A plan task was done on {@code completedOn} (after {@code dueDate}: late). */
public record PlanTaskCompleted(PlanId planId, UnitId unitId, List<UnitRef> path, String taskId, LocalDate completedOn,
                                LocalDate dueDate, String note, Actor actor) {
}
