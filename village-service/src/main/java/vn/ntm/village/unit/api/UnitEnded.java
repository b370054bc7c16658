package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/**
 * The unit is no longer in the tree from {@code validFrom}. {@code path} is its path on its last day.
 *
 * @param successorIds the units that took over (one when merged, several when split, none when dissolved)
 */
public record UnitEnded(UnitId unitId, EndReason reason, List<UnitId> successorIds, List<UnitRef> path,
                        LocalDate validFrom, String legalBasis, Actor actor) implements UnitChanged {

    public enum EndReason {
        /** sáp nhập */
        MERGED,
        /** chia tách */
        SPLIT,
        /** giải thể */
        DISSOLVED
    }
}
