package vn.ntm.village.programme.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** A plan's reward rule paid for a recognition. */
public record RewardGranted(RecognitionId recognitionId, UnitId unitId, List<UnitRef> path, PlanId planId,
                            String planNumber, String ruleId, BigDecimal amount, String budgetSource,
                            LocalDate grantedOn, Actor actor) {
}
