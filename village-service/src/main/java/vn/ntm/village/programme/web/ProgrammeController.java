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
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.support.web.WebAutoConfiguration;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.village.programme.api.PlanCommands;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.RecognitionCommands;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.programme.api.RecognitionStep;
import vn.ntm.village.programme.command.ProgrammeDirectory;
import vn.ntm.village.programme.command.ProgrammeLookup;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.command.UnitDirectory;

/**
 * Each unit's standing in the programme: plans with targets, roadmaps, tasks and rewards; recognition requests and
 * their steps, decisions and revocations.
 */
@RestController
@RequestMapping("/api")
class ProgrammeController {

    private static final String ID = "[A-Za-z0-9._-]{1,64}";
    /** Whose calendar "today" is read in. */

    private final CommandGateway commands;
    private final ProgrammeDirectory programme;
    private final UnitDirectory units;
    private final ActorResolver actors;
    private final AccessGuard access;
    private final Clock clock;

    ProgrammeController(CommandGateway commands, ProgrammeDirectory programme, UnitDirectory units,
                        ActorResolver actors, AccessGuard access, Clock clock) {
        this.commands = commands;
        this.programme = programme;
        this.units = units;
        this.actors = actors;
        this.access = access;
        this.clock = clock;
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

    record TargetRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 64) String criteriaSetCode,
                         @Size(max = 16) String indicatorCode, @Size(max = 16) String criterionCode,
                         @Size(max = 500) String description, @NotNull @Pattern(regexp = ">=|>|<=|<|=") String comparator,
                         @NotNull @DecimalMax("1e15") BigDecimal value, @Size(max = 40) String unit,
                         @NotNull LocalDate dueDate) {
    }

    record RoadmapRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank String unitId,
                          @NotNull RecognitionLevel level, @Size(max = 64) String criteriaSetCode,
                          @NotNull LocalDate dueDate, @Size(max = 500) String description) {
    }

    record TaskRequest(@NotBlank @Pattern(regexp = ID) String id, @NotBlank @Size(max = 500) String description,
                       @NotNull LocalDate dueDate, @Size(max = 200) String responsibleOffice,
                       @Size(max = 100) List<@NotBlank String> unitIds) {
    }

    record AssignmentRequest(@NotBlank @Size(max = 200) String office, @Size(max = 64) String criteriaSetCode,
                             @NotNull @Size(max = 60) List<@NotBlank @Size(max = 16) String> criterionCodes,
                             @Size(max = 500) String duty) {
    }

    record RewardRequest(@NotBlank @Pattern(regexp = ID) String id, @NotNull RecognitionLevel level,
                         @NotNull UnitLevel unitLevel, @NotNull @Positive @DecimalMax("1e15") BigDecimal amount,
                         @Size(max = 300) String budgetSource, @Size(max = 500) String description) {
    }

    record CompletionRequest(@NotNull LocalDate completedOn, @Size(max = 500) String note) {
    }

    /**
     * @param recognitionId optional recognition id (a UUID), the name the answer gives it; a client that retries
     *                      chooses it, and a second request with the same id is refused with 409
     * @param id            the same, under its former name (still accepted; giving both, they must agree)
     */
    record RecognitionRequest(String recognitionId, String id, @NotNull RecognitionLevel level,
                              @NotBlank @Size(max = 64) String criteriaSetCode, @NotNull LocalDate requestedOn,
                              @NotNull Boolean noOverdueConstructionDebt,
                              @Size(max = 50) List<@NotBlank @Size(max = 500) String> evidence) {
    }

    record StepRequest(@NotNull RecognitionStep step, @NotNull LocalDate on, @NotBlank @Size(max = 200) String by,
                       @NotNull Boolean passed, @Size(max = 1000) String note) {
    }

    record SurveyRequest(@NotNull LocalDate on, @NotBlank @Size(max = 200) String by, @NotNull Boolean passed,
                         @Size(max = 1000) String note,
                         @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull VillageCount> villages) {

        record VillageCount(@NotBlank String unitId, @NotNull @Min(0) @Max(1_000_000) Integer householdsSurveyed,
                            @NotNull @Min(0) @Max(1_000_000) Integer householdsSatisfied) {
        }
    }

    record DecisionRequest(@NotBlank @Size(max = 64) String decisionNumber, @NotNull LocalDate decidedOn,
                           @NotBlank @Size(max = 200) String authority) {
    }

    record RevocationRequest(@NotBlank @Size(max = 64) String decisionNumber, @NotNull LocalDate decidedOn,
                             @NotBlank @Size(max = 200) String authority, @Size(max = 1000) String reason) {
    }

    @PostMapping("/units/{unitId}/plans")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<Map<String, Object>> adopt(@PathVariable String unitId, @Valid @RequestBody PlanRequest request) {
        UnitId unit = existingUnit(unitId);
        String planId = newId(request.id());
        if (programme.plan(planId).isPresent()) {
            throw RuleViolation.conflict("plan-already-adopted", "id", planId);
        }
        commands.sendAndWait(new PlanCommands.AdoptPlan(planId, unit, request.number(), request.title(),
                request.adoptedOn(), request.signer(), request.year(),
                list(request.targets()).stream().map(t -> new PlanParts.Target(t.id(), t.criteriaSetCode(),
                        t.indicatorCode(), t.criterionCode(), t.description(), t.comparator(), t.value(), t.unit(),
                        t.dueDate())).toList(),
                list(request.roadmap()).stream().map(r -> {
                    UnitId target = reference(r.unitId(), "roadmap");
                    return new PlanParts.RoadmapItem(r.id(), target, units.find(target).orElseThrow().name(),
                            r.level(), r.criteriaSetCode(), r.dueDate(), r.description());
                }).toList(),
                list(request.tasks()).stream().map(t -> new PlanParts.Task(t.id(), t.description(), t.dueDate(),
                        t.responsibleOffice(), list(t.unitIds()).stream().map(u -> reference(u, "tasks")).toList()))
                        .toList(),
                list(request.assignments()).stream().map(a -> new PlanParts.Assignment(a.office(),
                        a.criteriaSetCode(), a.criterionCodes(), a.duty())).toList(),
                list(request.rewards()).stream().map(r -> new PlanParts.RewardRule(r.id(), r.level(),
                        r.unitLevel().name(), r.amount(), r.budgetSource(), r.description())).toList(),
                actors.current()));
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).body(programme.plan(planId).orElseThrow());
    }

    @GetMapping("/units/{unitId}/plans")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<Map<String, Object>> plans(@PathVariable String unitId) {
        return programme.plans(existingUnit(unitId));
    }

    @GetMapping("/plans/{planId}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "planId", owner = "plan")
    Map<String, Object> plan(@PathVariable String planId) {
        return (isUuid(planId) ? programme.plan(planId) : Optional.<Map<String, Object>>empty())
                .orElseThrow(() -> RuleViolation.notFound("plan-not-found", planId));
    }

    @PostMapping("/plans/{planId}/tasks/{taskId}/completion")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "planId", owner = "plan")
    Map<String, Object> complete(@PathVariable String planId, @PathVariable String taskId,
                                 @Valid @RequestBody CompletionRequest request) {
        plan(planId);
        commands.sendAndWait(new PlanCommands.CompleteTask(planId, taskId, request.completedOn(), request.note(),
                actors.current()));
        return plan(planId);
    }

    /** Plan tasks with their deadlines and status: OPEN, DONE or MISSED. */
    @GetMapping("/deadlines")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<Map<String, Object>> deadlines(@RequestParam(required = false) String unitId,
                                        @RequestParam(required = false) TaskStatus status) {
        List<Map<String, Object>> deadlines = programme.deadlines(
                unitId == null || unitId.isBlank() ? null : existingUnit(unitId), status == null ? null : status.name());
        return access.caller().wholePlatform() ? deadlines
                : deadlines.stream().filter(task -> access.covers(String.valueOf(task.get("unitId")), null)).toList();
    }

    enum TaskStatus { OPEN, DONE, MISSED }

    @PostMapping("/units/{unitId}/recognitions")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<Map<String, Object>> request(@PathVariable String unitId,
                                                @Valid @RequestBody RecognitionRequest request) {
        UnitId unit = existingUnit(unitId);
        if (request.recognitionId() != null && request.id() != null && !request.recognitionId().equals(request.id())) {
            throw RuleViolation.invalid("recognition-ids-differ", "recognitionId", request.recognitionId(),
                    request.id());
        }
        String recognitionId = newId(request.recognitionId() != null ? request.recognitionId() : request.id(),
                request.recognitionId() != null ? "recognitionId" : "id");
        if (programme.recognition(recognitionId).isPresent()) {
            throw RuleViolation.conflict("recognition-id-taken", "recognitionId", recognitionId);
        }
        commands.sendAndWait(new RecognitionCommands.RequestRecognition(recognitionId, unit, request.level(),
                request.criteriaSetCode(), request.requestedOn(), request.noOverdueConstructionDebt(),
                list(request.evidence()), actors.current()));
        return ResponseEntity.created(URI.create("/api/recognitions/" + recognitionId))
                .body(recognition(recognitionId));
    }

    @GetMapping("/units/{unitId}/recognitions")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<Map<String, Object>> recognitions(@PathVariable String unitId) {
        return programme.recognitions(existingUnit(unitId));
    }

    @GetMapping("/recognitions/{recognitionId}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "recognitionId", owner = "recognition")
    Map<String, Object> recognition(@PathVariable String recognitionId) {
        return (isUuid(recognitionId) ? programme.recognition(recognitionId) : Optional.<Map<String, Object>>empty())
                .orElseThrow(() -> RuleViolation.notFound("recognition-not-found", recognitionId));
    }

    @PostMapping("/recognitions/{recognitionId}/steps")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.PROVINCIAL_ADMIN}, unit = "recognitionId", owner = "recognition")
    Map<String, Object> step(@PathVariable String recognitionId, @Valid @RequestBody StepRequest request) {
        recognition(recognitionId);
        access.requireRole(request.step() == RecognitionStep.PUBLIC_COMMENT
                || request.step() == RecognitionStep.SATISFACTION_SURVEY ? Role.COMMUNE_OFFICER : Role.PROVINCIAL_ADMIN);
        commands.sendAndWait(new RecognitionCommands.RecordStep(recognitionId, request.step(), request.on(),
                request.by(), request.passed(), request.note(), actors.current()));
        return recognition(recognitionId);
    }

    @PostMapping("/recognitions/{recognitionId}/survey")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "recognitionId", owner = "recognition")
    Map<String, Object> survey(@PathVariable String recognitionId, @Valid @RequestBody SurveyRequest request) {
        recognition(recognitionId);
        commands.sendAndWait(new RecognitionCommands.RecordSurvey(recognitionId, request.on(), request.by(),
                request.passed(), request.note(), request.villages().stream()
                .map(v -> new RecognitionCommands.RecordSurvey.Village(reference(v.unitId(), "villages"),
                        v.householdsSurveyed(), v.householdsSatisfied())).toList(), actors.current()));
        return recognition(recognitionId);
    }

    @PostMapping("/recognitions/{recognitionId}/decision")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "recognitionId", owner = "recognition")
    Map<String, Object> decide(@PathVariable String recognitionId, @Valid @RequestBody DecisionRequest request) {
        recognition(recognitionId);
        commands.sendAndWait(new RecognitionCommands.DecideRecognition(recognitionId, request.decisionNumber(),
                request.decidedOn(), request.authority(), actors.current()));
        return recognition(recognitionId);
    }

    @PostMapping("/recognitions/{recognitionId}/revocation")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "recognitionId", owner = "recognition")
    Map<String, Object> revoke(@PathVariable String recognitionId, @Valid @RequestBody RevocationRequest request) {
        recognition(recognitionId);
        commands.sendAndWait(new RecognitionCommands.RevokeRecognition(recognitionId, request.decisionNumber(),
                request.decidedOn(), request.authority(), request.reason(), actors.current()));
        return recognition(recognitionId);
    }

    /**
     * A unit's standing against a set on {@code asOf} (default: today in Vietnam), as criteria-service's status
     * timelines reached this service (it gates recognition on the date concerned): the status and counts of that
     * date, the stretch [validFrom, validUntil) they hold on, and each criterion's status that day.
     */
    @GetMapping("/units/{unitId}/criteria-standing")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId", on = "asOf")
    Map<String, Object> standing(@PathVariable String unitId, @RequestParam String criteriaSet,
                                 @RequestParam(required = false) LocalDate asOf) {
        UnitId unit = existingUnit(unitId);
        LocalDate on = asOf != null ? asOf : LocalDate.now(clock.withZone(WebAutoConfiguration.VIETNAM));
        ProgrammeLookup.SetStanding standing = programme.standing(unit, criteriaSet, on)
                .orElseThrow(() -> RuleViolation.notFound("standing-not-known", criteriaSet, on));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("asOf", on);
        answer.put("status", standing.status());
        answer.put("criteriaMet", standing.criteriaMet());
        answer.put("criteriaTotal", standing.criteriaTotal());
        answer.put("notMet", standing.notMet().stream().map(ProgrammeLookup.Criterion::label).toList());
        answer.put("unknown", standing.unknown().stream().map(ProgrammeLookup.Criterion::label).toList());
        answer.put("validFrom", standing.validFrom());
        answer.put("validUntil", standing.validUntil());
        answer.put("setVersion", standing.setVersion());
        answer.put("criteria", programme.criteriaOn(unit, criteriaSet, on));
        return answer;
    }

    private UnitId existingUnit(String id) {
        return units.existing(id);
    }

    private UnitId reference(String id, String field) {
        try {
            UnitId unit = new UnitId(id);
            if (units.find(unit).isPresent()) {
                return unit;
            }
        } catch (RuleViolation e) {
            // reported below
        }
        throw RuleViolation.unknown("unknown-unit", field, id);
    }

    /** The client's id for a new plan or recognition (a UUID, so retries are safe), or a fresh one. */
    private static String newId(String requested) {
        return newId(requested, "id");
    }

    /** The id a client chose in {@code field}, normalised, or a new one when it chose none. */
    private static String newId(String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!isUuid(requested)) {
            throw RuleViolation.invalid("invalid-id", field, requested);
        }
        return UUID.fromString(requested).toString();
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
