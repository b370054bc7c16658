package vn.ntm.reporting.units.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.UnitRef;
import vn.ntm.reporting.statuses.query.StatusTimelines;
import vn.ntm.reporting.statuses.query.StatusTimelines.IndicatorStatusRow;
import vn.ntm.reporting.statuses.query.StatusTimelines.RollupStatusRow;
import vn.ntm.reporting.statuses.query.StatusTimelines.Stretch;
import vn.ntm.reporting.units.query.UnitHierarchy.Predecessor;
import vn.ntm.support.rules.RuleViolation;

/** The unit tree as it stood on a date with each unit's statuses, and one unit's history and timeline. */
@Component
public class UnitReports {

    private final UnitHierarchy hierarchy;
    private final StatusTimelines statuses;

    UnitReports(UnitHierarchy hierarchy, StatusTimelines statuses) {
        this.hierarchy = hierarchy;
        this.statuses = statuses;
    }

    public record Summary(long met, long notMet, long unknown) {
    }

    public record UnitNode(String id, String level, String name, String region, Integer communeGroup,
                           LocalDate validFrom, LocalDate validTo, List<UnitRef> path, Summary summary,
                           List<IndicatorStatusRow> statuses, List<RollupStatusRow> rollups,
                           List<Predecessor> predecessors, List<UnitNode> children) {
    }

    /**
     * One line of a timeline: a stretch of a status timeline as recorded (valid from {@code validOn} until
     * {@code validUntil}, exclusive, null: open-ended) or a change of the unit itself.
     */
    public record TimelineEntry(LocalDate validOn, LocalDate validUntil, Instant recordedAt, String eventId,
                                String unitId, String unitName, String kind, Stretch status,
                                UnitHierarchy.UnitChange unit) {
    }

    /** What a timeline shows: every kind of line, or only the status stretches of a set, criterion or indicator. */
    public record TimelineFilter(boolean includePredecessors, String criteriaSet, String criterion,
                                 String indicator) {

        boolean filtered() {
            return criteriaSet != null || criterion != null || indicator != null;
        }

        boolean shows(Stretch s) {
            return (criteriaSet == null || criteriaSet.equals(s.criteriaSet()))
                    && (criterion == null || criterion.equals(s.criterionCode()))
                    && (indicator == null || indicator.equals(s.indicatorCode()));
        }
    }

    /**
     * The tree on {@code on} as known at {@code known}, of the units {@code covered} lets through: a covered unit whose
     * parent is not covered is a root of its own (an officer's tree starts at their commune).
     */
    public List<UnitNode> tree(LocalDate on, Instant known, Predicate<String> covered) {
        UnitTree tree = hierarchy.on(on, known);
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

    private UnitNode node(UnitTree tree, UnitHierarchy.Unit unit, Predicate<String> covered,
                          Map<String, List<IndicatorStatusRow>> byUnit, Map<String, List<RollupStatusRow>> rollups) {
        List<IndicatorStatusRow> own = byUnit.getOrDefault(unit.id(), List.of());
        List<UnitNode> children = tree.children(unit.id()).stream().filter(c -> covered.test(c.id()))
                .map(c -> node(tree, c, covered, byUnit, rollups)).toList();
        return new UnitNode(unit.id(), unit.level(), unit.name(), unit.region(), unit.communeGroup(),
                unit.validFrom(), unit.validTo(), tree.path(unit.id()), summary(own), own,
                rollups.getOrDefault(unit.id(), List.of()),
                tree.predecessors(unit.id()).stream().filter(p -> covered.test(p.id())).toList(), children);
    }

    /** The unit's indicator stretches as recorded; a unit never recorded is refused. */
    public List<IndicatorStatusRow> history(UUID unitId) {
        requireKnown(unitId);
        return statuses.history(unitId);
    }

    /** Every version of the unit; a unit never recorded is refused. */
    public List<UnitHierarchy.UnitVersion> versions(UUID unitId) {
        List<UnitHierarchy.UnitVersion> versions = hierarchy.versions(unitId);
        if (versions.isEmpty()) {
            throw RuleViolation.notFound("unit-not-found", unitId.toString());
        }
        return versions;
    }

    /**
     * Every status stretch of the unit and every change of it as known at {@code known}, with those of the units that
     * ended into it unless {@code filter} leaves them out; ordered by valid date, recorded time, event.
     */
    public List<TimelineEntry> timeline(UUID unitId, TimelineFilter filter, Instant known) {
        requireKnown(unitId);
        String id = unitId.toString();
        LocalDate end = StatusTimelines.END_OF_TIME;
        UnitTree tree = hierarchy.on(end, known);
        Map<String, String> names = new HashMap<>();
        List<UUID> units = new ArrayList<>(List.of(unitId));
        if (filter.includePredecessors()) {
            for (Predecessor p : tree.predecessors(id)) {
                units.add(UUID.fromString(p.id()));
                names.put(p.id(), p.name());
            }
        }
        hierarchy.versions(unitId).stream().reduce((a, b) -> b).ifPresent(v -> names.put(id, v.name()));
        List<TimelineEntry> entries = new ArrayList<>();
        for (Stretch s : statuses.stretches(units, null, end, known)) {
            if (filter.shows(s)) {
                entries.add(new TimelineEntry(s.validOn(), s.validUntil(), s.recordedAt(), s.eventId(), s.unitId(),
                        names.get(s.unitId()), s.kind(), s, null));
            }
        }
        if (!filter.filtered()) {
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

    private void requireKnown(UUID unitId) {
        if (!hierarchy.known(unitId)) {
            throw RuleViolation.notFound("unit-not-found", unitId.toString());
        }
    }

    private static Summary summary(List<IndicatorStatusRow> rows) {
        return new Summary(count(rows, "MET"), count(rows, "NOT_MET"), count(rows, "UNKNOWN"));
    }

    private static long count(List<IndicatorStatusRow> rows, String status) {
        return rows.stream().filter(r -> r.status().equals(status)).count();
    }
}
