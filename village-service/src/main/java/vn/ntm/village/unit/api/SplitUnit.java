package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;

/**
 * The source ends on {@code validFrom}; each of its units goes to the successor that lists it. Successors are
 * registered beforehand, from that date.
 */
public record SplitUnit(UnitId sourceId, List<Share> shares, LocalDate validFrom, String legalBasis, Actor actor) {

    public record Share(UnitId successorId, List<UnitId> childIds) {
    }
}
