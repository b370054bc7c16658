package vn.ntm.village.unit.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.unit.api.ChangeUnitAttributes;
import vn.ntm.village.unit.api.DissolveUnit;
import vn.ntm.village.unit.api.MoveUnit;
import vn.ntm.village.unit.api.RegisterUnit;
import vn.ntm.village.unit.api.RenameUnit;
import vn.ntm.village.unit.api.UnitAttributesChanged;
import vn.ntm.village.unit.api.UnitEnded;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitMoved;
import vn.ntm.village.unit.api.UnitName;
import vn.ntm.village.unit.api.UnitRegistered;
import vn.ntm.village.unit.api.UnitRenamed;

/**
 * An administrative unit: province (tỉnh), district (huyện), commune (xã) or village (thôn), over its whole life.
 * Each change takes effect on a date after the previous one, so the unit's versions never overlap; once ended, the
 * unit accepts no more changes but keeps its history.
 */
@Aggregate
class Unit {

    @AggregateIdentifier
    private UnitId id;
    private UnitLevel level;
    private String name;
    private UnitId parentId;
    private LocalDate lastChangeOn;
    private LocalDate endedOn;

    Unit() {
        // for Axon
    }

    @CommandHandler
    Unit(RegisterUnit command, UnitLookup directory, Clock clock) {
        if (directory.find(command.unitId()).isPresent()) {
            throw RuleViolation.conflict("unit-already-registered", "id", command.unitId().value());
        }
        notInFuture(command.validFrom(), clock);
        List<UnitRef> path = new ArrayList<>();
        if (command.level() == UnitLevel.PROVINCE) {
            if (command.parentId() != null) {
                throw RuleViolation.invalid("province-has-no-parent", "parentId");
            }
        } else {
            if (command.parentId() == null) {
                throw RuleViolation.invalid("parent-required", "parentId", command.level());
            }
            UnitLookup.Entry parent = parentOn(command.parentId(), command.level(), command.validFrom(), directory);
            path.addAll(directory.pathOn(parent.id(), command.validFrom()));
        }
        if (directory.nameTakenOn(command.parentId(), command.name().key(), command.validFrom(), command.unitId())) {
            throw RuleViolation.conflict("name-taken", "name", command.name().value());
        }
        checkCommuneAttributes(command.level(), command.communeGroup(), command.specialStatus());
        path.add(new UnitRef(command.unitId().value(), command.level().name(), command.name().value()));
        apply(new UnitRegistered(command.unitId(), command.level(), command.name().value(), command.parentId(),
                List.copyOf(path), command.validFrom(), command.region(), command.legalBasis(), command.actor(),
                command.communeGroup(), command.specialStatus()));
    }

    @CommandHandler
    void handle(RenameUnit command, UnitLookup directory, Clock clock) {
        changeOn(command.validFrom(), clock);
        if (command.name().value().equals(name)) {
            throw RuleViolation.invalid("same-name", "name", name);
        }
        if (directory.nameTakenOn(parentId, command.name().key(), command.validFrom(), id)) {
            throw RuleViolation.conflict("name-taken", "name", command.name().value());
        }
        List<UnitRef> path = new ArrayList<>(parentId == null ? List.of()
                : directory.pathOn(parentId, command.validFrom()));
        path.add(new UnitRef(id.value(), level.name(), command.name().value()));
        apply(new UnitRenamed(id, command.name().value(), name, List.copyOf(path), command.validFrom(),
                command.legalBasis(), command.actor()));
    }

    @CommandHandler
    void handle(MoveUnit command, UnitLookup directory, Clock clock) {
        moveTo(command.parentId(), command.validFrom(), command.legalBasis(), command.actor(), directory, clock);
    }

    @CommandHandler
    void handle(ChangeUnitAttributes command, UnitLookup directory, Clock clock) {
        changeOn(command.validFrom(), clock);
        checkCommuneAttributes(level, command.communeGroup(), command.specialStatus());
        apply(new UnitAttributesChanged(id, command.region(), command.communeGroup(), command.specialStatus(),
                directory.pathOn(id, command.validFrom()), command.validFrom(), command.legalBasis(),
                command.actor()));
    }

    @CommandHandler
    void handle(DissolveUnit command, UnitLookup directory, Clock clock) {
        changeOn(command.validFrom(), clock);
        List<UnitLookup.Entry> children = directory.childrenOn(id, command.validFrom());
        if (!children.isEmpty()) {
            throw RuleViolation.conflict("unit-still-has-units", "validFrom", name, children.size(),
                    String.join(", ", children.stream().map(UnitLookup.Entry::name).toList()));
        }
        end(UnitEnded.EndReason.DISSOLVED, List.of(), command.validFrom(), command.legalBasis(), command.actor(),
                directory, clock);
    }

    /** Places the unit under another parent from a date: a move of its own, or following its commune's merger. */
    void moveTo(UnitId newParentId, LocalDate from, String legalBasis, Actor actor, UnitLookup directory, Clock clock) {
        changeOn(from, clock);
        if (newParentId.equals(parentId)) {
            throw RuleViolation.invalid("same-parent", "parentId");
        }
        if (newParentId.equals(id) || directory.pathOn(newParentId, from).stream()
                .anyMatch(ref -> ref.id().equals(id.value()))) {
            throw RuleViolation.invalid("cycle-in-tree", "parentId", name);
        }
        UnitLookup.Entry parent = parentOn(newParentId, level, from, directory);
        if (directory.nameTakenOn(newParentId, new UnitName(name).key(), from, id)) {
            throw RuleViolation.conflict("name-taken-under-new-parent", "parentId", name, parent.name());
        }
        List<UnitRef> path = new ArrayList<>(directory.pathOn(newParentId, from));
        path.add(new UnitRef(id.value(), level.name(), name));
        apply(new UnitMoved(id, newParentId, parentId, List.copyOf(path), from, legalBasis, actor));
    }

    /** Ends the unit on a date; its history stays, reachable from {@code successors}. */
    void end(UnitEnded.EndReason reason, List<UnitId> successors, LocalDate from, String legalBasis, Actor actor,
             UnitLookup directory, Clock clock) {
        changeOn(from, clock);
        apply(new UnitEnded(id, reason, List.copyOf(successors), directory.pathOn(id, from.minusDays(1)), from,
                legalBasis, actor));
    }

    UnitId id() {
        return id;
    }

    UnitLevel level() {
        return level;
    }

    String name() {
        return name;
    }

    /** A change must take effect after the unit's latest one (versions never overlap), not in the future, while alive. */
    private void changeOn(LocalDate from, Clock clock) {
        if (endedOn != null) {
            throw RuleViolation.conflict("unit-ended", "validFrom", name, endedOn);
        }
        notInFuture(from, clock);
        if (!from.isAfter(lastChangeOn)) {
            throw RuleViolation.conflict("overlapping-period", "validFrom", name, from, lastChangeOn);
        }
    }

    private static UnitLookup.Entry parentOn(UnitId parentId, UnitLevel level, LocalDate on, UnitLookup directory) {
        UnitLookup.Entry parent = directory.find(parentId).orElseThrow(
                () -> RuleViolation.unknown("unknown-parent", "parentId", parentId.value()));
        if (!level.mayBelongTo(parent.level())) {
            throw RuleViolation.invalid("wrong-parent-level", "parentId", level, parent.level());
        }
        if (on.isBefore(parent.registeredOn())) {
            throw RuleViolation.invalid("before-parent-exists", "validFrom", parent.name(), parent.registeredOn());
        }
        return directory.findOn(parentId, on).orElseThrow(
                () -> RuleViolation.unknown("parent-ended", "parentId", parent.name(), parent.endedOn()));
    }

    private static void notInFuture(LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validFrom", date);
        }
    }

    private static void checkCommuneAttributes(UnitLevel level, Integer communeGroup, String specialStatus) {
        if ((communeGroup != null || specialStatus != null) && level != UnitLevel.COMMUNE) {
            throw RuleViolation.invalid("commune-attribute-on-other-level", "communeGroup", level);
        }
        if (communeGroup != null && (communeGroup < 1 || communeGroup > 3)) {
            throw RuleViolation.invalid("commune-group-out-of-range", "communeGroup", communeGroup);
        }
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        this.id = event.unitId();
        this.level = event.level();
        this.name = event.name();
        this.parentId = event.parentId();
        this.lastChangeOn = event.validFrom();
    }

    @EventSourcingHandler
    void on(UnitRenamed event) {
        this.name = event.name();
        this.lastChangeOn = event.validFrom();
    }

    @EventSourcingHandler
    void on(UnitMoved event) {
        this.parentId = event.parentId();
        this.lastChangeOn = event.validFrom();
    }

    @EventSourcingHandler
    void on(UnitAttributesChanged event) {
        this.lastChangeOn = event.validFrom();
    }

    @EventSourcingHandler
    void on(UnitEnded event) {
        this.endedOn = event.validFrom();
    }
}
