package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/** A unit came into the register. {@code path} runs from the province down to this unit, as on {@code validFrom}. */
public record UnitRegistered(UnitId unitId, UnitLevel level, String name, UnitId parentId, List<UnitRef> path,
                             LocalDate validFrom, String region, String legalBasis, Actor actor,
                             Integer communeGroup, String specialStatus) implements UnitChanged {
}
