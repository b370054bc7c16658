package vn.ntm.village.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** The unit goes under a new parent from {@code validFrom}. */
public record MoveUnit(@TargetAggregateIdentifier UnitId unitId, UnitId parentId, LocalDate validFrom, String legalBasis,
                       Actor actor) {
}
