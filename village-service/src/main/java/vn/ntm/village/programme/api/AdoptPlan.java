package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.village.unit.api.UnitId;

/** Adopts a unit's programme plan for a year (kế hoạch). */
public record AdoptPlan(PlanId planId, UnitId unitId, String number, String title, LocalDate adoptedOn, String signer,
                        int year, List<PlanParts.Target> targets, List<PlanParts.RoadmapItem> roadmap,
                        List<PlanParts.Task> tasks, List<PlanParts.Assignment> assignments,
                        List<PlanParts.RewardRule> rewards, Actor actor) {
}
