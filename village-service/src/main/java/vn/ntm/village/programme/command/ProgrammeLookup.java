package vn.ntm.village.programme.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.unit.api.UnitId;

/** What the recognition aggregate needs to know beyond itself: criteria statuses, other requests, plans' rewards. */
public interface ProgrammeLookup {

    /**
     * A unit's standing against a criteria set as criteria-service last reported it on {@code ntm.criteria}.
     *
     * @param notMet the criteria not (yet) met, as "code name"
     * @param validOn the valid date of the latest status change it is built from
     */
    record SetStanding(String status, int criteriaMet, int criteriaTotal, List<String> notMet, LocalDate validOn) {

        public boolean met() {
            return "MET".equals(status);
        }
    }

    Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode);

    /** Whether the unit has a recognition at this level that is under way or in force (not rejected, not revoked). */
    boolean recognitionUnderWayOrHeld(UnitId unitId, RecognitionLevel level);

    /** A plan's reward rule that may pay for a recognition. */
    record Reward(String planId, String planNumber, PlanParts.RewardRule rule) {
    }

    /** Reward rules of plans for {@code year} adopted by any of {@code units} (a unit and the units above it). */
    List<Reward> rewards(List<UnitId> units, int year);
}
