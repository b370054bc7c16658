package vn.ntm.village.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** The unit takes a new name from {@code validFrom}. */
public record RenameUnit(@TargetAggregateIdentifier UnitId unitId, UnitName name, LocalDate validFrom, String legalBasis,
                         Actor actor) {
}
