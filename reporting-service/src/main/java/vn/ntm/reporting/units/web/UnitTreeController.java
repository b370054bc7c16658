package vn.ntm.reporting.units.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.reporting.access.query.CallerScope;
import vn.ntm.reporting.matrix.web.ReportQuery;
import vn.ntm.reporting.statuses.query.StatusTimelines.IndicatorStatusRow;
import vn.ntm.reporting.units.query.UnitHierarchy;
import vn.ntm.reporting.units.query.UnitReports;
import vn.ntm.reporting.units.query.UnitReports.TimelineEntry;
import vn.ntm.reporting.units.query.UnitReports.TimelineFilter;
import vn.ntm.reporting.units.query.UnitReports.UnitNode;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;

/**
 * The unit tree as it stood on a date with each unit's statuses, and one unit's versions and timeline; answered by
 * {@link UnitReports}.
 */
@RestController
@RequestMapping("/api/units")
@Tag(name = "units", description = "The effective-dated unit tree, unit versions and timelines")
class UnitTreeController {

    private final UnitReports units;
    private final CallerScope scope;
    private final Clock clock;

    UnitTreeController(UnitReports units, CallerScope scope, Clock clock) {
        this.units = units;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * The caller sees the units their scope covers on {@code asOf}: a covered unit whose parent is not covered is a
     * root of its own (an officer's tree starts at their commune).
     */
    @GetMapping
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN, Role.VIEWER})
    @Operation(summary = "The unit tree as it stood on asOf (default today), as known at knownAt (default now)",
            description = "Each unit with its version in force (name, parent, attributes), its indicator statuses "
                    + "and its criterion and set statuses valid on asOf, and the units that ended into it. Only the "
                    + "units the caller's scope covers on asOf.")
    List<UnitNode> tree(
            @Parameter(description = "valid date") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = ReportQuery.KNOWN_AT)
            @RequestParam(required = false) Instant knownAt) {
        LocalDate on = asOf != null ? asOf : LocalDate.now(clock);
        return units.tree(on, knownAt != null ? knownAt : clock.instant(), scope.covering(on));
    }

    @GetMapping("/{unitId}/history")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    @Operation(summary = "The unit's indicator status stretches as recorded, by valid date then recorded time",
            description = "Each says: from validOn until validUntil (exclusive; null: open-ended) the indicator's "
                    + "status is status, as recorded at recordedAt by actorSubject, caused by a fact of kind "
                    + "causeKind; a stretch recorded later replaces, for its dates, what was recorded before.")
    List<IndicatorStatusRow> history(@PathVariable String unitId) {
        return units.history(id(unitId));
    }

    @GetMapping("/{unitId}/versions")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    @Operation(summary = "Every version of the unit: name, parent, attributes, valid from/to, recorded from/to")
    List<UnitHierarchy.UnitVersion> versions(@PathVariable String unitId) {
        return units.versions(id(unitId));
    }

    @GetMapping("/{unitId}/timeline")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    @Operation(summary = "Every status stretch of the unit (indicators, criteria, set) and every change of the unit",
            description = "Each status line is a stretch as recorded: from validOn until validUntil (exclusive; null: "
                    + "open-ended) the status is status, recorded at recordedAt by actorSubject, caused by a fact of "
                    + "kind causeKind (a stretch recorded later replaces, for its dates, what was known before). "
                    + "With includePredecessors (default true) the timelines of the units that ended into it "
                    + "(a merger) are included, so a merged commune's history stays reachable from its successor. "
                    + "Filter by criteriaSet, criterion or indicator; knownAt shows the timeline as known then.")
    List<TimelineEntry> timeline(@PathVariable String unitId,
                                 @RequestParam(defaultValue = "true") boolean includePredecessors,
                                 @RequestParam(required = false) String criteriaSet,
                                 @RequestParam(required = false) String criterion,
                                 @RequestParam(required = false) String indicator,
                                 @Parameter(description = ReportQuery.KNOWN_AT)
                                 @RequestParam(required = false) Instant knownAt) {
        return units.timeline(id(unitId), new TimelineFilter(includePredecessors, criteriaSet, criterion, indicator),
                knownAt != null ? knownAt : clock.instant());
    }

    private static UUID id(String unitId) {
        try {
            return UUID.fromString(unitId);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("invalid-unit-id", "unitId", unitId);
        }
    }
}
