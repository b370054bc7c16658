package vn.ntm.village.unit.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** Commands that change a unit's place in the tree; each takes effect on {@code validFrom} with a legal basis. */
public final class UnitCommands {

    private UnitCommands() {
    }

    public record RenameUnit(@TargetAggregateIdentifier UnitId unitId, UnitName name, LocalDate validFrom,
                             String legalBasis, Actor actor) {
    }

    public record MoveUnit(@TargetAggregateIdentifier UnitId unitId, UnitId parentId, LocalDate validFrom,
                           String legalBasis, Actor actor) {
    }

    public record ChangeUnitAttributes(@TargetAggregateIdentifier UnitId unitId, String region, Integer communeGroup,
                                       String specialStatus, LocalDate validFrom, String legalBasis, Actor actor) {
    }

    public record DissolveUnit(@TargetAggregateIdentifier UnitId unitId, LocalDate validFrom, String legalBasis,
                               Actor actor) {
    }

    /** The sources end on {@code validFrom}; the successor, which must exist on that date, takes their units. */
    public record MergeUnits(List<UnitId> sourceIds, UnitId successorId, LocalDate validFrom, String legalBasis,
                             Actor actor) {
    }

    /**
     * The source ends on {@code validFrom}; each of its units goes to the successor that lists it. Successors are
     * registered beforehand, from that date.
     */
    public record SplitUnit(UnitId sourceId, List<Share> shares, LocalDate validFrom, String legalBasis, Actor actor) {

        public record Share(UnitId successorId, List<UnitId> childIds) {
        }
    }
}
