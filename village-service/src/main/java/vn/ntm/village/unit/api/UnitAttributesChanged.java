package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/** Region, commune group and special status in force from {@code validFrom} (each null when none). */
public record UnitAttributesChanged(UnitId unitId, String region, Integer communeGroup, String specialStatus,
                                    List<UnitRef> path, LocalDate validFrom, String legalBasis, Actor actor)
        implements UnitChanged {
}
