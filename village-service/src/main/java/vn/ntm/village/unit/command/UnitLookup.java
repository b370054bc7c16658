package vn.ntm.village.unit.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;

/** What the command side needs to know about other units, on a given date, to check set rules. */
public interface UnitLookup {

    /** The unit as it stands in its latest version, whether or not it still exists. */
    Optional<Entry> find(UnitId id);

    /** The unit as it stood on {@code on}; empty when it did not exist that day. */
    Optional<Entry> findOn(UnitId id, LocalDate on);

    /** The units directly under {@code parentId} on {@code on}. */
    List<Entry> childrenOn(UnitId parentId, LocalDate on);

    /** Whether a unit other than {@code self} under {@code parentId} (null: provinces) bears this name key on a date. */
    default boolean nameTakenOn(UnitId parentId, String nameKey, LocalDate on, UnitId self) {
        return childrenOn(parentId, on).stream()
                .anyMatch(e -> !e.id().equals(self) && new vn.ntm.village.unit.api.UnitName(e.name()).key().equals(nameKey));
    }

    /** The path from the province down to the unit on a date; empty when it did not exist that day. */
    default List<UnitRef> pathOn(UnitId id, LocalDate on) {
        java.util.LinkedList<UnitRef> path = new java.util.LinkedList<>();
        UnitId current = id;
        while (current != null) {
            Optional<Entry> entry = findOn(current, on);
            if (entry.isEmpty()) {
                return List.of();
            }
            path.addFirst(new UnitRef(entry.get().id().value(), entry.get().level().name(), entry.get().name()));
            current = entry.get().parentId();
        }
        return List.copyOf(path);
    }

    /**
     * One unit as the register holds it: the version in force from {@code validFrom} until the day before
     * {@code validTo} (null: open), and, once it ended, the day it ended, why and its successors.
     */
    record Entry(UnitId id, UnitLevel level, String name, UnitId parentId, LocalDate validFrom, LocalDate validTo,
                 String region, String legalBasis, List<UnitRef> path, Instant recordedAt, Integer communeGroup,
                 String specialStatus, LocalDate registeredOn, LocalDate endedOn, String endReason,
                 List<String> successorIds) {
    }
}
