package vn.ntm.village.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** The unit ends on {@code validFrom}; refused while units remain under it. */
public record DissolveUnit(@TargetAggregateIdentifier UnitId unitId, LocalDate validFrom, String legalBasis, Actor actor) {
}
