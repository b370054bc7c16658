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
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.unit.api.RegisterUnitCommand;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitRegistered;

/** An administrative unit: province (tỉnh), district (huyện), commune (xã) or village (thôn). */
@Aggregate
class Unit {

    @AggregateIdentifier
    private UnitId id;
    private UnitLevel level;

    Unit() {
        // for Axon
    }

    @CommandHandler
    Unit(RegisterUnitCommand command, UnitLookup directory, Clock clock) {
        if (directory.find(command.unitId()).isPresent()) {
            throw RuleViolation.conflict("unit-already-registered", "id", command.unitId().value());
        }
        if (command.validFrom().isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validFrom", command.validFrom());
        }
        List<UnitRef> path = new ArrayList<>();
        if (command.level() == UnitLevel.PROVINCE) {
            if (command.parentId() != null) {
                throw RuleViolation.invalid("province-has-no-parent", "parentId");
            }
        } else {
            if (command.parentId() == null) {
                throw RuleViolation.invalid("parent-required", "parentId", command.level());
            }
            UnitLookup.Entry parent = directory.find(command.parentId()).orElseThrow(
                    () -> RuleViolation.unknown("unknown-parent", "parentId", command.parentId().value()));
            if (!command.level().mayBelongTo(parent.level())) {
                throw RuleViolation.invalid("wrong-parent-level", "parentId", command.level(), parent.level());
            }
            if (command.validFrom().isBefore(parent.validFrom())) {
                throw RuleViolation.invalid("before-parent-exists", "validFrom", parent.name(), parent.validFrom());
            }
            path.addAll(parent.path());
        }
        if (directory.nameTakenUnder(command.parentId(), command.name().key())) {
            throw RuleViolation.conflict("name-taken", "name", command.name().value());
        }
        if ((command.communeGroup() != null || command.specialStatus() != null)
                && command.level() != UnitLevel.COMMUNE) {
            throw RuleViolation.invalid("commune-attribute-on-other-level", "communeGroup", command.level());
        }
        if (command.communeGroup() != null && (command.communeGroup() < 1 || command.communeGroup() > 3)) {
            throw RuleViolation.invalid("commune-group-out-of-range", "communeGroup", command.communeGroup());
        }
        path.add(new UnitRef(command.unitId().value(), command.level().name(), command.name().value()));
        apply(new UnitRegistered(command.unitId(), command.level(), command.name().value(), command.parentId(),
                List.copyOf(path), command.validFrom(), command.region(), command.legalBasis(), command.actor(),
                command.communeGroup(), command.specialStatus()));
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        this.id = event.unitId();
        this.level = event.level();
    }
}
