package vn.ntm.village.programme.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.unit.api.UnitId;

/** What the recognition aggregate needs to know beyond itself: criteria statuses, other requests, plans' rewards. */
public interface ProgrammeLookup {

    /** A criterion of a set: its code and, when the set's catalogue has arrived, its Vietnamese name. */
    record Criterion(String code, String name) {

        /** "code name", or the code alone when the catalogue naming it has not arrived. */
        public String label() {
            return name == null ? code : code + " " + name;
        }
    }

    /**
     * A unit's standing against a criteria set on one date, as criteria-service's status timeline says it (learnt
     * from {@code ntm.criteria}): the stretch of valid time [validFrom, validUntil) that covers the date.
     *
     * @param notMet     the criteria not met on that date
     * @param unknown    the criteria of the set neither met nor not met on that date (no status known)
     * @param validUntil the first date the stretch no longer holds; null: open-ended
     * @param setVersion the set version in force on that date (0: not said, a status of schema version 1)
     */
    record SetStanding(String status, int criteriaMet, int criteriaTotal, List<Criterion> notMet,
                       List<Criterion> unknown, LocalDate validFrom, LocalDate validUntil, int setVersion) {

        public SetStanding {
            notMet = List.copyOf(notMet);
            unknown = List.copyOf(unknown);
        }

        public boolean met() {
            return "MET".equals(status);
        }
    }

    /** The unit's standing against the set on {@code on}; empty when no status of that date has arrived. */
    Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode, LocalDate on);

    /** Whether the unit has a recognition at this level that is under way or in force (not rejected, not revoked). */
    boolean recognitionUnderWayOrHeld(UnitId unitId, RecognitionLevel level);

    /** A plan's reward rule that may pay for a recognition. */
    record Reward(PlanId planId, String planNumber, PlanParts.RewardRule rule) {
    }

    /** Reward rules of plans for {@code year} adopted by any of {@code units} (a unit and the units above it). */
    List<Reward> rewards(List<UnitId> units, int year);
}
