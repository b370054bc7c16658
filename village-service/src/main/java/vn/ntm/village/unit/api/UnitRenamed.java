package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/** The unit is called {@code name} from {@code validFrom}. */
public record UnitRenamed(UnitId unitId, String name, String previousName, List<UnitRef> path, LocalDate validFrom,
                          String legalBasis, Actor actor) implements UnitChanged {
}
