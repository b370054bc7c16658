package vn.ntm.village.unit.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** The unit's region, commune group or special status in force from {@code validFrom}. */
public record ChangeUnitAttributes(@TargetAggregateIdentifier UnitId unitId, String region, Integer communeGroup,
                                   String specialStatus, LocalDate validFrom, String legalBasis, Actor actor) {
}
