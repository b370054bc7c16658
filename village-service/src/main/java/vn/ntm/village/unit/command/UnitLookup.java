package vn.ntm.village.unit.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;

/** What the unit aggregate needs to know about other units to check set rules. */
public interface UnitLookup {

    Optional<Entry> find(UnitId id);

    /** Whether a sibling under {@code parentId} (null: among provinces) already has this name key. */
    boolean nameTakenUnder(UnitId parentId, String nameKey);

    /** One unit as the register holds it. */
    record Entry(UnitId id, UnitLevel level, String name, UnitId parentId, LocalDate validFrom, String region,
                 String legalBasis, List<UnitRef> path, Instant recordedAt, Integer communeGroup,
                 String specialStatus) {
    }
}
