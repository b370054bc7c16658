package vn.ntm.village.programme.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.AdoptPlan;
import vn.ntm.village.programme.api.CompleteTask;
import vn.ntm.village.programme.api.MarkDeadlineMissed;
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanDeadlineMissed;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.PlanTaskCompleted;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.command.UnitLookup;

/**
 * A unit's programme plan for a year (kế hoạch), e.g. Plan 30/KH-UBND of Song Vân, 5 March 2024: targets, a roadmap
 * of recognitions, tasks with deadlines and offices, criteria assigned to offices, and reward rules. A task is missed
 * once when its due date passes while it is open, and can still be done (late) afterwards.
 */
@Aggregate
class Plan {

    private static final Actor CLOCK = Actor.system("village-service/deadline-watch");

    @AggregateIdentifier
    private PlanId id;
    private UnitId unitId;
    private List<UnitRef> path;
    private LocalDate adoptedOn;
    private final Map<String, PlanParts.Task> tasks = new HashMap<>();
    private final Set<String> doneTasks = new HashSet<>();
    private final Set<String> missedTasks = new HashSet<>();

    Plan() {
        // for Axon
    }

    @CommandHandler
    Plan(AdoptPlan command, UnitLookup units, Clock clock) {
        if (command.number() == null || command.number().isBlank()) {
            throw RuleViolation.invalid("plan-number-required", "number");
        }
        if (command.adoptedOn().isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "adoptedOn", command.adoptedOn());
        }
        UnitLookup.Entry unit = units.findOn(command.unitId(), command.adoptedOn()).orElseThrow(
                () -> RuleViolation.unknown("plan-unit-not-in-force", "unitId", command.unitId().value(),
                        command.adoptedOn()));
        if (command.year() < command.adoptedOn().getYear() - 1 || command.year() > command.adoptedOn().getYear() + 5) {
            throw RuleViolation.invalid("plan-year-out-of-range", "year", command.year(), command.adoptedOn());
        }
        unique("targets", command.targets().stream().map(PlanParts.Target::targetId).toList());
        unique("roadmap", command.roadmap().stream().map(PlanParts.RoadmapItem::itemId).toList());
        unique("tasks", command.tasks().stream().map(PlanParts.Task::taskId).toList());
        unique("rewards", command.rewards().stream().map(PlanParts.RewardRule::ruleId).toList());
        command.targets().forEach(t -> notBeforePlan("targets", t.targetId(), t.dueDate(), command.adoptedOn()));
        command.roadmap().forEach(r -> notBeforePlan("roadmap", r.itemId(), r.dueDate(), command.adoptedOn()));
        command.tasks().forEach(t -> notBeforePlan("tasks", t.taskId(), t.dueDate(), command.adoptedOn()));
        for (PlanParts.Target target : command.targets()) {
            if ((target.indicatorCode() == null) == (target.criterionCode() == null)) {
                throw RuleViolation.invalid("target-needs-indicator-or-criterion", "targets", target.targetId());
            }
        }
        for (PlanParts.RoadmapItem item : command.roadmap()) {
            withinUnit(item.unitId(), command.unitId(), command.adoptedOn(), units, "roadmap");
        }
        for (PlanParts.Task task : command.tasks()) {
            task.unitIds().forEach(u -> withinUnit(u, command.unitId(), command.adoptedOn(), units, "tasks"));
        }
        for (PlanParts.RewardRule rule : command.rewards()) {
            if (rule.amount().signum() <= 0) {
                throw RuleViolation.invalid("reward-amount-not-positive", "rewards", rule.ruleId());
            }
        }
        apply(new PlanAdopted(command.planId(), command.unitId(), units.pathOn(unit.id(), command.adoptedOn()),
                command.number().strip(), command.title(), command.adoptedOn(), command.signer(), command.year(),
                command.targets(), command.roadmap(), command.tasks(), command.assignments(), command.rewards(),
                command.actor()));
    }

    @CommandHandler
    void handle(CompleteTask command, Clock clock) {
        PlanParts.Task task = task(command.taskId());
        if (doneTasks.contains(task.taskId())) {
            throw RuleViolation.conflict("task-already-done", "taskId", task.description());
        }
        if (command.completedOn().isBefore(adoptedOn)) {
            throw RuleViolation.invalid("task-done-before-plan", "completedOn", command.completedOn(), adoptedOn);
        }
        if (command.completedOn().isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "completedOn", command.completedOn());
        }
        apply(new PlanTaskCompleted(id, unitId, path, task.taskId(), command.completedOn(), task.dueDate(),
                command.note(), command.actor()));
    }

    /** Records the miss once, on the first day after the due date; a task done or already missed is left alone. */
    @CommandHandler
    void handle(MarkDeadlineMissed command) {
        PlanParts.Task task = task(command.taskId());
        if (doneTasks.contains(task.taskId()) || missedTasks.contains(task.taskId())
                || !command.today().isAfter(task.dueDate())) {
            return;
        }
        apply(new PlanDeadlineMissed(id, unitId, path, task.taskId(), task.description(), task.dueDate(),
                task.responsibleOffice(), task.dueDate().plusDays(1), CLOCK));
    }

    private PlanParts.Task task(String taskId) {
        PlanParts.Task task = tasks.get(taskId);
        if (task == null) {
            throw RuleViolation.notFound("task-not-found", taskId);
        }
        return task;
    }

    private static void unique(String field, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw RuleViolation.invalid("plan-item-repeated", field, id);
            }
        }
    }

    private static void notBeforePlan(String field, String item, LocalDate due, LocalDate adoptedOn) {
        if (due.isBefore(adoptedOn)) {
            throw RuleViolation.invalid("deadline-before-plan", field, item, due, adoptedOn);
        }
    }

    /** A unit the plan speaks of must be the plan's unit or one of its units on the plan's date. */
    private static void withinUnit(UnitId unit, UnitId planUnit, LocalDate on, UnitLookup units, String field) {
        if (units.pathOn(unit, on).stream().noneMatch(ref -> ref.id().equals(planUnit.value()))) {
            throw RuleViolation.invalid("plan-unit-outside", field, unit.value());
        }
    }

    @EventSourcingHandler
    void on(PlanAdopted event) {
        this.id = event.planId();
        this.unitId = event.unitId();
        this.path = event.path();
        this.adoptedOn = event.adoptedOn();
        event.tasks().forEach(t -> tasks.put(t.taskId(), t));
    }

    @EventSourcingHandler
    void on(PlanTaskCompleted event) {
        doneTasks.add(event.taskId());
    }

    @EventSourcingHandler
    void on(PlanDeadlineMissed event) {
        missedTasks.add(event.taskId());
    }
}
