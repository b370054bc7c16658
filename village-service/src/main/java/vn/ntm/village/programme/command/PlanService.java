package vn.ntm.village.programme.command;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.AdoptPlan;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.command.UnitDirectory;

/**
 * Resolves what a plan command needs before it is sent: the unit in the path (404 when there is none), the plan's id
 * (the client's, which must not be taken, or a new one), the units the plan names (each must exist) and their names.
 * The plan's own rules are the aggregate's ({@link Plan}).
 */
@Component
public class PlanService {

    private final CommandGateway commands;
    private final ProgrammeTables programme;
    private final UnitDirectory units;

    PlanService(CommandGateway commands, ProgrammeTables programme, UnitDirectory units) {
        this.commands = commands;
        this.programme = programme;
        this.units = units;
    }

    /**
     * Adopts the plan {@code command} builds for the unit and id resolved; the roadmap's unit names are filled in from
     * the register (as the units are named now).
     *
     * @param requestedId the id the client chose, or null
     */
    public PlanId adopt(String unitId, String requestedId, BiFunction<UnitId, PlanId, AdoptPlan> command) {
        UnitId unit = units.existing(unitId);
        PlanId planId = PlanId.IDS.chosenOrNew(requestedId, "id");
        if (programme.planAdopted(planId)) {
            throw RuleViolation.conflict("plan-already-adopted", "id", planId.value());
        }
        AdoptPlan adopt = command.apply(unit, planId);
        List<PlanParts.RoadmapItem> roadmap = adopt.roadmap().stream().map(item -> new PlanParts.RoadmapItem(
                item.itemId(), item.unitId(), known(item.unitId(), "roadmap"), item.level(), item.criteriaSetCode(),
                item.dueDate(), item.description())).toList();
        adopt.tasks().forEach(task -> task.unitIds().forEach(u -> known(u, "tasks")));
        commands.sendAndWait(new AdoptPlan(adopt.planId(), adopt.unitId(), adopt.number(), adopt.title(),
                adopt.adoptedOn(), adopt.signer(), adopt.year(), adopt.targets(), roadmap, adopt.tasks(),
                adopt.assignments(), adopt.rewards(), adopt.actor()));
        return planId;
    }

    /** Sends the command {@code command} builds for the plan in the path; 404 when there is no such plan. */
    public PlanId send(String planId, Function<PlanId, Object> command) {
        PlanId plan = PlanId.IDS.parse(planId).filter(programme::planAdopted)
                .orElseThrow(() -> RuleViolation.notFound("plan-not-found", planId));
        commands.sendAndWait(command.apply(plan));
        return plan;
    }

    /** The unit's name now; {@code unknown-unit} when the register has no such unit. */
    private String known(UnitId unit, String field) {
        return units.find(unit).orElseThrow(() -> RuleViolation.unknown("unknown-unit", field, unit.value())).name();
    }
}
