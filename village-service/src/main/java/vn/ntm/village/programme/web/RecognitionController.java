package vn.ntm.village.programme.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
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
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.support.web.ActorResolver;
import vn.ntm.support.web.WebAutoConfiguration;
import vn.ntm.village.programme.api.DecideRecognition;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.programme.api.RecognitionStep;
import vn.ntm.village.programme.api.RecordStep;
import vn.ntm.village.programme.api.RecordSurvey;
import vn.ntm.village.programme.api.RequestRecognition;
import vn.ntm.village.programme.api.RevokeRecognition;
import vn.ntm.village.programme.command.RecognitionService;
import vn.ntm.village.programme.query.ProgrammeQueries;
import vn.ntm.village.programme.query.RecognitionView;
import vn.ntm.village.programme.query.StandingView;

/**
 * Recognition (công nhận) over HTTP: request, steps, survey, decision, revocation, and the standing against a set that
 * gates them. Ids are resolved by {@link RecognitionService}, the rules are the Recognition aggregate's, the answers
 * {@link ProgrammeQueries}'.
 */
@RestController
@RequestMapping("/api")
class RecognitionController {

    private final RecognitionService recognitions;
    private final ProgrammeQueries queries;
    private final ActorResolver actors;
    private final AccessGuard access;
    private final Clock clock;

    RecognitionController(RecognitionService recognitions, ProgrammeQueries queries, ActorResolver actors,
                          AccessGuard access, Clock clock) {
        this.recognitions = recognitions;
        this.queries = queries;
        this.actors = actors;
        this.access = access;
        this.clock = clock;
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

    @PostMapping("/units/{unitId}/recognitions")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<RecognitionView> request(@PathVariable String unitId,
                                            @Valid @RequestBody RecognitionRequest request) {
        if (request.recognitionId() != null && request.id() != null && !request.recognitionId().equals(request.id())) {
            throw RuleViolation.invalid("recognition-ids-differ", "recognitionId", request.recognitionId(),
                    request.id());
        }
        boolean formerName = request.recognitionId() == null && request.id() != null;
        RecognitionId recognitionId = recognitions.request(unitId, formerName ? request.id() : request.recognitionId(),
                formerName ? "id" : "recognitionId", (unit, id) -> new RequestRecognition(id, unit, request.level(),
                        request.criteriaSetCode(), request.requestedOn(), request.noOverdueConstructionDebt(),
                        Ids.list(request.evidence()), actors.current()));
        return ResponseEntity.created(URI.create("/api/recognitions/" + recognitionId))
                .body(queries.recognition(recognitionId));
    }

    @GetMapping("/units/{unitId}/recognitions")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<RecognitionView> recognitions(@PathVariable String unitId) {
        return queries.recognitions(unitId);
    }

    @GetMapping("/recognitions/{recognitionId}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "recognitionId",
            owner = "recognition")
    RecognitionView recognition(@PathVariable String recognitionId) {
        return queries.recognition(recognitionId);
    }

    /** Public comment and the survey are the commune's steps; the check, appraisal and publication the province's. */
    @PostMapping("/recognitions/{recognitionId}/steps")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.PROVINCIAL_ADMIN}, unit = "recognitionId", owner = "recognition")
    RecognitionView step(@PathVariable String recognitionId, @Valid @RequestBody StepRequest request) {
        return queries.recognition(recognitions.send(recognitionId, id -> {
            access.requireRole(request.step() == RecognitionStep.PUBLIC_COMMENT
                    || request.step() == RecognitionStep.SATISFACTION_SURVEY ? Role.COMMUNE_OFFICER
                    : Role.PROVINCIAL_ADMIN);
            return new RecordStep(id, request.step(), request.on(), request.by(), request.passed(), request.note(),
                    actors.current());
        }));
    }

    @PostMapping("/recognitions/{recognitionId}/survey")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "recognitionId", owner = "recognition")
    RecognitionView survey(@PathVariable String recognitionId, @Valid @RequestBody SurveyRequest request) {
        return queries.recognition(recognitions.send(recognitionId, id -> new RecordSurvey(id, request.on(),
                request.by(), request.passed(), request.note(), request.villages().stream()
                .map(v -> new RecordSurvey.Village(Ids.unit(v.unitId(), "villages"), v.householdsSurveyed(),
                        v.householdsSatisfied())).toList(), actors.current())));
    }

    @PostMapping("/recognitions/{recognitionId}/decision")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "recognitionId", owner = "recognition")
    RecognitionView decide(@PathVariable String recognitionId, @Valid @RequestBody DecisionRequest request) {
        return queries.recognition(recognitions.send(recognitionId, id -> new DecideRecognition(id,
                request.decisionNumber(), request.decidedOn(), request.authority(), actors.current())));
    }

    @PostMapping("/recognitions/{recognitionId}/revocation")
    @Access(roles = Role.PROVINCIAL_ADMIN, unit = "recognitionId", owner = "recognition")
    RecognitionView revoke(@PathVariable String recognitionId, @Valid @RequestBody RevocationRequest request) {
        return queries.recognition(recognitions.send(recognitionId, id -> new RevokeRecognition(id,
                request.decisionNumber(), request.decidedOn(), request.authority(), request.reason(),
                actors.current())));
    }

    /**
     * A unit's standing against a set on {@code asOf} (default: today in Vietnam), as criteria-service's status
     * timelines reached this service (it gates recognition on the date concerned).
     */
    @GetMapping("/units/{unitId}/criteria-standing")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId", on = "asOf")
    StandingView standing(@PathVariable String unitId, @RequestParam String criteriaSet,
                          @RequestParam(required = false) LocalDate asOf) {
        return queries.standing(unitId, criteriaSet,
                asOf != null ? asOf : LocalDate.now(clock.withZone(WebAutoConfiguration.VIETNAM)));
    }
}
