package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/**
 * What every stored event about a unit's place in the tree carries: the unit, its path as it stands from
 * {@code validFrom}, the date the change takes effect, its legal basis and who recorded it.
 */
public sealed interface UnitChanged permits UnitRegistered, UnitRenamed, UnitMoved, UnitAttributesChanged, UnitEnded {

    UnitId unitId();

    List<UnitRef> path();

    LocalDate validFrom();

    String legalBasis();

    Actor actor();
}
