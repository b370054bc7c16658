package vn.ntm.reporting.units;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.contracts.UnitRef;
import vn.ntm.reporting.statuses.StatusProjection;
import vn.ntm.reporting.statuses.StatusProjection.IndicatorStatusRow;
import vn.ntm.reporting.statuses.StatusProjection.RollupStatusRow;
import vn.ntm.reporting.statuses.StatusProjection.Stretch;
import vn.ntm.reporting.units.UnitHierarchy.Predecessor;
import vn.ntm.reporting.units.UnitHierarchy.Tree;
import vn.ntm.reporting.access.CallerScope;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.Role;

/** The unit tree as it stood on a date with each unit's statuses, and one unit's versions and timeline. */
@RestController
@RequestMapping("/api/units")
@Tag(name = "units", description = "The effective-dated unit tree, unit versions and timelines")
class UnitTreeController {

    private final UnitHierarchy hierarchy;
    private final StatusProjection statuses;
    private final CallerScope scope;
    private final Clock clock = Clock.systemDefaultZone();

    UnitTreeController(UnitHierarchy hierarchy, StatusProjection statuses, CallerScope scope) {
        this.hierarchy = hierarchy;
        this.statuses = statuses;
        this.scope = scope;
    }

    record Summary(long met, long notMet, long unknown) {
    }

    record UnitNode(String id, String level, String name, String region, Integer communeGroup, LocalDate validFrom,
                    LocalDate validTo, List<UnitRef> path, Summary summary, List<IndicatorStatusRow> statuses,
                    List<RollupStatusRow> rollups, List<Predecessor> predecessors, List<UnitNode> children) {
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
            @Parameter(description = "recorded time: an ISO instant (2026-12-02T10:00:00Z), a date-time with offset, or a date (2026-12-02: the end of that day in Vietnam)")
            @RequestParam(required = false) Instant knownAt) {
        LocalDate on = asOf != null ? asOf : LocalDate.now(clock);
        Instant known = knownAt != null ? knownAt : clock.instant();
        Tree tree = hierarchy.on(on, known);
        Predicate<String> covered = scope.covering(on);
        List<UnitHierarchy.Unit> visible = tree.all().stream().filter(u -> covered.test(u.id())).toList();
        List<UUID> ids = visible.stream().map(u -> UUID.fromString(u.id())).toList();
        Map<String, List<IndicatorStatusRow>> byUnit = statuses.indicators(ids, on, known).stream()
                .collect(Collectors.groupingBy(IndicatorStatusRow::unitId));
        Map<String, List<RollupStatusRow>> rollupsByUnit = statuses.rollups(ids, on, known).stream()
                .collect(Collectors.groupingBy(RollupStatusRow::unitId));
        List<UnitNode> roots = new ArrayList<>();
        visible.stream().filter(u -> u.parentId() == null || !covered.test(u.parentId())
                        || tree.unit(u.parentId()).isEmpty())
                .forEach(root -> roots.add(node(tree, root, covered, byUnit, rollupsByUnit)));
        return roots;
    }

    private UnitNode node(Tree tree, UnitHierarchy.Unit unit, Predicate<String> covered,
                          Map<String, List<IndicatorStatusRow>> byUnit, Map<String, List<RollupStatusRow>> rollups) {
        List<IndicatorStatusRow> own = byUnit.getOrDefault(unit.id(), List.of());
        List<UnitNode> children = tree.children(unit.id()).stream().filter(c -> covered.test(c.id()))
                .map(c -> node(tree, c, covered, byUnit, rollups)).toList();
        return new UnitNode(unit.id(), unit.level(), unit.name(), unit.region(), unit.communeGroup(),
                unit.validFrom(), unit.validTo(), tree.path(unit.id()), summary(own), own,
                rollups.getOrDefault(unit.id(), List.of()),
                tree.predecessors(unit.id()).stream().filter(p -> covered.test(p.id())).toList(), children);
    }

    @GetMapping("/{unitId}/history")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    @Operation(summary = "The unit's indicator status stretches as recorded, by valid date then recorded time",
            description = "Each says: from validOn until validUntil (exclusive; null: open-ended) the indicator's "
                    + "status is status, as recorded at recordedAt by actorSubject, caused by a fact of kind "
                    + "causeKind; a stretch recorded later replaces, for its dates, what was recorded before.")
    List<IndicatorStatusRow> history(@PathVariable String unitId) {
        UUID id = id(unitId);
        if (!hierarchy.known(id)) {
            throw RuleViolation.notFound("unit-not-found", unitId);
        }
        return statuses.history(id);
    }

    @GetMapping("/{unitId}/versions")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    @Operation(summary = "Every version of the unit: name, parent, attributes, valid from/to, recorded from/to")
    List<UnitHierarchy.UnitVersion> versions(@PathVariable String unitId) {
        UUID id = id(unitId);
        List<UnitHierarchy.UnitVersion> versions = hierarchy.versions(id);
        if (versions.isEmpty()) {
            throw RuleViolation.notFound("unit-not-found", unitId);
        }
        return versions;
    }

    /**
     * One line of a timeline: a stretch of a status timeline as recorded (valid from {@code validOn} until
     * {@code validUntil}, exclusive, null: open-ended) or a change of the unit itself.
     */
    record TimelineEntry(LocalDate validOn, LocalDate validUntil, Instant recordedAt, String eventId, String unitId,
                         String unitName, String kind, Stretch status, UnitHierarchy.UnitChange unit) {
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
                                 @Parameter(description = "recorded time: an ISO instant (2026-12-02T10:00:00Z), a date-time with offset, or a date (2026-12-02: the end of that day in Vietnam)")
                                 @RequestParam(required = false) Instant knownAt) {
        UUID id = id(unitId);
        if (!hierarchy.known(id)) {
            throw RuleViolation.notFound("unit-not-found", unitId);
        }
        Instant known = knownAt != null ? knownAt : clock.instant();
        LocalDate end = StatusProjection.END_OF_TIME;
        Tree tree = hierarchy.on(end, known);
        Map<String, String> names = new java.util.HashMap<>();
        List<UUID> units = new ArrayList<>(List.of(id));
        if (includePredecessors) {
            for (Predecessor p : tree.predecessors(unitId)) {
                units.add(UUID.fromString(p.id()));
                names.put(p.id(), p.name());
            }
        }
        hierarchy.versions(id).stream().reduce((a, b) -> b).ifPresent(v -> names.put(unitId, v.name()));
        List<TimelineEntry> entries = new ArrayList<>();
        boolean filtered = criteriaSet != null || criterion != null || indicator != null;
        for (Stretch s : statuses.stretches(units, null, end, known)) {
            if ((criteriaSet == null || criteriaSet.equals(s.criteriaSet()))
                    && (criterion == null || criterion.equals(s.criterionCode()))
                    && (indicator == null || indicator.equals(s.indicatorCode()))) {
                entries.add(new TimelineEntry(s.validOn(), s.validUntil(), s.recordedAt(), s.eventId(), s.unitId(),
                        names.get(s.unitId()), s.kind(), s, null));
            }
        }
        if (!filtered) {
            for (UnitHierarchy.UnitChange u : hierarchy.changes(units, null, end, known)) {
                entries.add(new TimelineEntry(u.validFrom(), null, u.recordedAt(), u.eventId(), u.unitId(),
                        names.get(u.unitId()), "UNIT_" + u.kind(), null, u));
            }
        }
        // ties broken by event id, so that a timeline reads the same after a replay
        entries.sort(Comparator.comparing(TimelineEntry::validOn).thenComparing(TimelineEntry::recordedAt)
                .thenComparing(TimelineEntry::eventId));
        return entries;
    }

    private static UUID id(String unitId) {
        try {
            return UUID.fromString(unitId);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("invalid-unit-id", "unitId", unitId);
        }
    }

    private static Summary summary(List<IndicatorStatusRow> rows) {
        return new Summary(count(rows, "MET"), count(rows, "NOT_MET"), count(rows, "UNKNOWN"));
    }

    private static long count(List<IndicatorStatusRow> rows, String status) {
        return rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
