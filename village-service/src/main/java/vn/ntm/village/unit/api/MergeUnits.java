package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;

/** The sources end on {@code validFrom}; the successor, which must exist on that date, takes their units. */
public record MergeUnits(List<UnitId> sourceIds, UnitId successorId, LocalDate validFrom, String legalBasis,
                         Actor actor) {
}
