package vn.ntm.reporting.programme.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.reporting.matrix.query.CriteriaMatrix;
import vn.ntm.reporting.matrix.web.ReportQuery;
import vn.ntm.reporting.access.query.CallerScope;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;
import vn.ntm.reporting.programme.query.ProgrammeQueries;
import vn.ntm.reporting.programme.query.RecognitionPipeline;

/**
 * Plan progress, deadlines and the recognition pipeline for a subtree, as of a date, as known at a time. A unit named
 * must be covered on asOf; without one, the units the caller covers on asOf.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "programme", description = "Plans, targets, deadlines and recognitions (as of / as known)")
class ProgrammeController {

    private final ProgrammeQueries programme;
    private final RecognitionPipeline pipeline;
    private final CallerScope callerScope;
    private final Clock clock;

    ProgrammeController(ProgrammeQueries programme, RecognitionPipeline pipeline, CallerScope callerScope,
                        Clock clock) {
        this.programme = programme;
        this.pipeline = pipeline;
        this.callerScope = callerScope;
        this.clock = clock;
    }

    @GetMapping("/progress")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER}, unit = "unit",
            on = "asOf")
    @Operation(summary = "Plans of the subtree's units (and of units merged into them) with each target's progress",
            description = "Each target: target value, latest value on asOf, previous value, trend, state (ACHIEVED, "
                    + "ON_TRACK, AT_RISK, MISSED, NO_DATA) and the series of values for charts; tasks with their "
                    + "deadline state; the roadmap of recognition levels.")
    List<ProgrammeQueries.Plan> progress(@ParameterObject ReportQuery query) {
        CriteriaMatrix.Query q = query.resolve(clock);
        return programme.plans(scope(q), q.asOf(), q.knownAt());
    }

    @GetMapping("/deadlines")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER}, unit = "unit",
            on = "asOf")
    @Operation(summary = "Plan tasks of the subtree by due date, each OPEN, DONE or MISSED on asOf")
    List<ProgrammeQueries.Deadline> deadlines(@ParameterObject ReportQuery query) {
        CriteriaMatrix.Query q = query.resolve(clock);
        return programme.deadlines(scope(q), q.asOf(), q.knownAt());
    }

    @GetMapping("/recognitions")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER}, unit = "unit",
            on = "asOf")
    @Operation(summary = "The recognition pipeline of the subtree: requests at their stage on asOf, counts by stage")
    RecognitionPipeline.Pipeline recognitions(@ParameterObject ReportQuery query) {
        CriteriaMatrix.Query q = query.resolve(clock);
        return pipeline.recognitions(scope(q), q.asOf(), q.knownAt());
    }

    /** The units the report covers, by id with their name ({@link CallerScope#reportOn}). */
    private Map<String, String> scope(CriteriaMatrix.Query q) {
        return callerScope.reportOn(q.root(), q.asOf(), q.knownAt());
    }
}
