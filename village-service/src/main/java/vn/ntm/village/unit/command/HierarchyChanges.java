package vn.ntm.village.unit.command;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.unit.api.MergeUnits;
import vn.ntm.village.unit.api.SplitUnit;
import vn.ntm.village.unit.api.UnitEnded;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitName;

/**
 * Changes that touch several units at once: a merger (sáp nhập) and a split (chia tách). Every unit involved is loaded
 * in the same unit of work, so the sources end and their units move to the successors in one transaction, or nothing
 * is recorded.
 */
@Component
class HierarchyChanges {

    private final Repository<Unit> units;
    private final UnitLookup directory;
    private final Clock clock;

    HierarchyChanges(Repository<Unit> units, UnitLookup directory, Clock clock) {
        this.units = units;
        this.directory = directory;
        this.clock = clock;
    }

    @CommandHandler
    void handle(MergeUnits command) {
        notInFuture(command.validFrom());
        Set<UnitId> sources = new LinkedHashSet<>(command.sourceIds());
        if (sources.isEmpty()) {
            throw RuleViolation.invalid("merge-without-sources", "sourceIds");
        }
        if (sources.contains(command.successorId())) {
            throw RuleViolation.invalid("merge-into-itself", "successorId");
        }
        UnitLookup.Entry successor = existingOn(command.successorId(), command.validFrom(), "successorId");
        Set<String> takenNames = namesUnder(command.successorId(), command);
        for (UnitId sourceId : sources) {
            UnitLookup.Entry source = existingOn(sourceId, command.validFrom().minusDays(1), "sourceIds");
            if (source.level() != successor.level()) {
                throw RuleViolation.invalid("merge-across-levels", "sourceIds", source.name(), source.level(),
                        successor.level());
            }
            for (UnitLookup.Entry child : continuing(sourceId, command.validFrom())) {
                if (!takenNames.add(new UnitName(child.name()).key())) {
                    throw RuleViolation.conflict("name-taken-under-new-parent", "sourceIds", child.name(),
                            successor.name());
                }
            }
        }
        for (UnitId sourceId : sources) {
            for (UnitLookup.Entry child : continuing(sourceId, command.validFrom())) {
                load(child.id()).execute(unit -> unit.moveTo(command.successorId(), command.validFrom(),
                        command.legalBasis(), command.actor(), directory, clock));
            }
            load(sourceId).execute(unit -> unit.end(UnitEnded.EndReason.MERGED, List.of(command.successorId()),
                    command.validFrom(), command.legalBasis(), command.actor(), directory, clock));
        }
    }

    @CommandHandler
    void handle(SplitUnit command) {
        notInFuture(command.validFrom());
        if (command.shares().size() < 2) {
            throw RuleViolation.invalid("split-needs-two-successors", "shares");
        }
        UnitLookup.Entry source = existingOn(command.sourceId(), command.validFrom().minusDays(1), "sourceId");
        Map<UnitId, UnitId> destinations = new HashMap<>();
        Set<UnitId> successors = new LinkedHashSet<>();
        for (SplitUnit.Share share : command.shares()) {
            UnitLookup.Entry successor = existingOn(share.successorId(), command.validFrom(), "shares");
            if (share.successorId().equals(command.sourceId()) || !successors.add(share.successorId())) {
                throw RuleViolation.invalid("split-successor-repeated", "shares", successor.name());
            }
            if (successor.level() != source.level()) {
                throw RuleViolation.invalid("merge-across-levels", "shares", successor.name(), successor.level(),
                        source.level());
            }
            for (UnitId child : share.childIds()) {
                if (destinations.put(child, share.successorId()) != null) {
                    throw RuleViolation.invalid("split-unit-in-two-shares", "shares", child.value());
                }
            }
        }
        List<UnitLookup.Entry> children = continuing(command.sourceId(), command.validFrom());
        Set<UnitId> childIds = new HashSet<>(children.stream().map(UnitLookup.Entry::id).toList());
        for (UnitId listed : destinations.keySet()) {
            if (!childIds.contains(listed)) {
                throw RuleViolation.invalid("split-unit-not-in-source", "shares", listed.value(), source.name());
            }
        }
        List<String> unassigned = children.stream().filter(c -> !destinations.containsKey(c.id()))
                .map(UnitLookup.Entry::name).toList();
        if (!unassigned.isEmpty()) {
            throw RuleViolation.invalid("split-leaves-units-behind", "shares", String.join(", ", unassigned));
        }
        for (UnitLookup.Entry child : children) {
            load(child.id()).execute(unit -> unit.moveTo(destinations.get(child.id()), command.validFrom(),
                    command.legalBasis(), command.actor(), directory, clock));
        }
        load(command.sourceId()).execute(unit -> unit.end(UnitEnded.EndReason.SPLIT, List.copyOf(successors),
                command.validFrom(), command.legalBasis(), command.actor(), directory, clock));
    }

    /** The unit as it stood on a date, or a refusal naming the date it did not exist on. */
    private UnitLookup.Entry existingOn(UnitId id, java.time.LocalDate on, String field) {
        return directory.findOn(id, on).orElseThrow(() -> directory.find(id).isPresent()
                ? RuleViolation.unknown("unit-not-in-force", field, directory.find(id).get().name(), on)
                : RuleViolation.unknown("unknown-unit", field, id.value()));
    }

    /** The units under {@code parent} on the day before {@code from} that still exist on {@code from}. */
    private List<UnitLookup.Entry> continuing(UnitId parent, java.time.LocalDate from) {
        return directory.childrenOn(parent, from.minusDays(1)).stream()
                .filter(child -> directory.findOn(child.id(), from).isPresent())
                .toList();
    }

    private Set<String> namesUnder(UnitId parent, MergeUnits command) {
        Set<String> names = new HashSet<>();
        directory.childrenOn(parent, command.validFrom()).forEach(c -> names.add(new UnitName(c.name()).key()));
        return names;
    }

    private void notInFuture(java.time.LocalDate date) {
        if (date.isAfter(java.time.LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validFrom", date);
        }
    }

    private Aggregate<Unit> load(UnitId id) {
        try {
            return units.load(id.value());
        } catch (AggregateNotFoundException e) {
            throw RuleViolation.unknown("unknown-unit", "id", id.value());
        }
    }
}
