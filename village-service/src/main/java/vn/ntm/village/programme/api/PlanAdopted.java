package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** A plan was adopted; stored (formerly as {@code PlanEvents$PlanAdopted}, see ProgrammeEventUpcasters). */
public record PlanAdopted(PlanId planId, UnitId unitId, List<UnitRef> path, String number, String title,
                          LocalDate adoptedOn, String signer, int year, List<PlanParts.Target> targets,
                          List<PlanParts.RoadmapItem> roadmap, List<PlanParts.Task> tasks,
                          List<PlanParts.Assignment> assignments, List<PlanParts.RewardRule> rewards, Actor actor) {
}
