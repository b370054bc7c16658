package vn.ntm.village.programme.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.village.programme.api.AdoptPlan;
import vn.ntm.village.programme.api.CompleteTask;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.programme.command.PlanService;
import vn.ntm.village.programme.query.DeadlineView;
import vn.ntm.village.programme.query.PlanView;
import vn.ntm.village.programme.query.ProgrammeQueries;
import vn.ntm.village.unit.api.UnitLevel;

/**
 * Plans (kế hoạch) over HTTP: adopt one, complete its tasks, read plans and deadlines. Ids are resolved by
 * {@link PlanService}, the rules are the Plan aggregate's, the answers {@link ProgrammeQueries}'.
 */
@RestController
@RequestMapping("/api")
class PlanController {

    private final PlanService plans;
    private final ProgrammeQueries queries;
    private final ActorResolver actors;
    private final AccessGuard access;

    PlanController(PlanService plans, ProgrammeQueries queries, ActorResolver actors, AccessGuard access) {
        this.plans = plans;
        this.queries = queries;
        this.actors = actors;
        this.access = access;
    }

    /**
     * @param id optional plan id (a UUID); a client that retries chooses it, and a second adoption with the same id
     *           is refused with 409
     */
    record PlanRequest(String id,
                       @NotBlank @Size(max = 64) String number,
                       @Size(max = 300) String title,
                       @NotNull LocalDate adoptedOn,
                       @Size(max = 120) String signer,
                       @NotNull @Min(2010) @Max(2100) Integer year,
                       @Size(max = 200) List<@Valid @NotNull TargetRequest> targets,
                       @Size(max = 200) List<@Valid @NotNull RoadmapRequest> roadmap,
                       @Size(max = 500) List<@Valid @NotNull TaskRequest> tasks,
                       @Size(max = 100) List<@Valid @NotNull AssignmentRequest> assignments,
                       @Size(max = 20) List<@Valid @NotNull RewardRequest> rewards) {
    }

    record TargetRequest(@NotBlank @Pattern(regexp = Ids.ITEM) String id,
                         @NotBlank @Size(max = 64) String criteriaSetCode,
                         @Size(max = 16) String indicatorCode, @Size(max = 16) String criterionCode,
                         @Size(max = 500) String description, @NotNull @Pattern(regexp = ">=|>|<=|<|=") String comparator,
                         @NotNull @DecimalMax("1e15") BigDecimal value, @Size(max = 40) String unit,
                         @NotNull LocalDate dueDate) {
    }

    record RoadmapRequest(@NotBlank @Pattern(regexp = Ids.ITEM) String id, @NotBlank String unitId,
                          @NotNull RecognitionLevel level, @Size(max = 64) String criteriaSetCode,
                          @NotNull LocalDate dueDate, @Size(max = 500) String description) {
    }

    record TaskRequest(@NotBlank @Pattern(regexp = Ids.ITEM) String id, @NotBlank @Size(max = 500) String description,
                       @NotNull LocalDate dueDate, @Size(max = 200) String responsibleOffice,
                       @Size(max = 100) List<@NotBlank String> unitIds) {
    }

    record AssignmentRequest(@NotBlank @Size(max = 200) String office, @Size(max = 64) String criteriaSetCode,
                             @NotNull @Size(max = 60) List<@NotBlank @Size(max = 16) String> criterionCodes,
                             @Size(max = 500) String duty) {
    }

    record RewardRequest(@NotBlank @Pattern(regexp = Ids.ITEM) String id, @NotNull RecognitionLevel level,
                         @NotNull UnitLevel unitLevel, @NotNull @Positive @DecimalMax("1e15") BigDecimal amount,
                         @Size(max = 300) String budgetSource, @Size(max = 500) String description) {
    }

    record CompletionRequest(@NotNull LocalDate completedOn, @Size(max = 500) String note) {
    }

    @PostMapping("/units/{unitId}/plans")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<PlanView> adopt(@PathVariable String unitId, @Valid @RequestBody PlanRequest request) {
        PlanId planId = plans.adopt(unitId, request.id(), (unit, id) -> new AdoptPlan(id, unit, request.number(),
                request.title(), request.adoptedOn(), request.signer(), request.year(),
                Ids.list(request.targets()).stream().map(t -> new PlanParts.Target(t.id(), t.criteriaSetCode(),
                        t.indicatorCode(), t.criterionCode(), t.description(), t.comparator(), t.value(), t.unit(),
                        t.dueDate())).toList(),
                // the unit's name is filled in by PlanService
                Ids.list(request.roadmap()).stream().map(r -> new PlanParts.RoadmapItem(r.id(),
                        Ids.unit(r.unitId(), "roadmap"), null, r.level(), r.criteriaSetCode(), r.dueDate(),
                        r.description())).toList(),
                Ids.list(request.tasks()).stream().map(t -> new PlanParts.Task(t.id(), t.description(), t.dueDate(),
                        t.responsibleOffice(), Ids.list(t.unitIds()).stream().map(u -> Ids.unit(u, "tasks"))
                        .toList())).toList(),
                Ids.list(request.assignments()).stream().map(a -> new PlanParts.Assignment(a.office(),
                        a.criteriaSetCode(), a.criterionCodes(), a.duty())).toList(),
                Ids.list(request.rewards()).stream().map(r -> new PlanParts.RewardRule(r.id(), r.level(),
                        r.unitLevel().name(), r.amount(), r.budgetSource(), r.description())).toList(),
                actors.current()));
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(queries.plan(planId));
    }

    @GetMapping("/units/{unitId}/plans")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<PlanView> plans(@PathVariable String unitId) {
        return queries.plans(unitId);
    }

    @GetMapping("/plans/{planId}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "planId", owner = "plan")
    PlanView plan(@PathVariable String planId) {
        return queries.plan(planId);
    }

    @PostMapping("/plans/{planId}/tasks/{taskId}/completion")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "planId", owner = "plan")
    PlanView complete(@PathVariable String planId, @PathVariable String taskId,
                      @Valid @RequestBody CompletionRequest request) {
        return queries.plan(plans.send(planId, id -> new CompleteTask(id, taskId, request.completedOn(),
                request.note(), actors.current())));
    }

    /** Plan tasks with their deadlines and status: OPEN, DONE or MISSED; only those of units the caller covers. */
    @GetMapping("/deadlines")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<DeadlineView> deadlines(@RequestParam(required = false) String unitId,
                                 @RequestParam(required = false) DeadlineView.Status status) {
        List<DeadlineView> deadlines = queries.deadlines(unitId, status);
        return access.caller().wholePlatform() ? deadlines
                : deadlines.stream().filter(task -> access.covers(task.unitId().value(), null)).toList();
    }
}
