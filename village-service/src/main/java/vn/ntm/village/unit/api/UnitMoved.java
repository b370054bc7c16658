package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/** The unit belongs to {@code parentId} from {@code validFrom}; {@code path} is the new one. */
public record UnitMoved(UnitId unitId, UnitId parentId, UnitId previousParentId, List<UnitRef> path,
                        LocalDate validFrom, String legalBasis, Actor actor) implements UnitChanged {
}
