package vn.ntm.reporting.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.reporting.matrix.CriteriaMatrix;
import vn.ntm.reporting.matrix.ReportQuery;
import vn.ntm.reporting.units.UnitHierarchy;
import vn.ntm.reporting.access.CallerScope;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;

/**
 * Plan progress, deadlines and the recognition pipeline for a subtree, as of a date, as known at a time. A unit named
 * must be covered on asOf; without one, the units the caller covers on asOf.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "programme", description = "Plans, targets, deadlines and recognitions (as of / as known)")
class ProgrammeController {

    private final ProgrammeQueries programme;
    private final UnitHierarchy hierarchy;
    private final CallerScope callerScope;
    private final Clock clock = Clock.systemDefaultZone();

    ProgrammeController(ProgrammeQueries programme, UnitHierarchy hierarchy, CallerScope callerScope) {
        this.programme = programme;
        this.hierarchy = hierarchy;
        this.callerScope = callerScope;
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
    ProgrammeQueries.Pipeline recognitions(@ParameterObject ReportQuery query) {
        CriteriaMatrix.Query q = query.resolve(clock);
        return programme.recognitions(scope(q), q.asOf(), q.knownAt());
    }

    private Map<String, String> scope(CriteriaMatrix.Query q) {
        Map<String, String> scope = hierarchy.on(q.asOf(), q.knownAt()).scope(q.root());
        if (q.root() != null && scope.isEmpty()) {
            throw hierarchy.absence(q.root(), q.asOf(), q.knownAt());
        }
        if (q.root() != null || callerScope.wholePlatform()) {
            return scope;
        }
        Predicate<String> covered = callerScope.covering(q.asOf());
        Map<String, String> narrowed = new LinkedHashMap<>();
        scope.forEach((unit, name) -> {
            if (covered.test(unit)) {
                narrowed.put(unit, name);
            }
        });
        return narrowed;
    }
}
