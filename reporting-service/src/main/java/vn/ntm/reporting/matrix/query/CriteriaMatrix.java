package vn.ntm.reporting.matrix.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.UnitRef;
import vn.ntm.reporting.statuses.query.Catalogue;
import vn.ntm.reporting.statuses.query.StatusTimelines;
import vn.ntm.reporting.statuses.query.StatusTimelines.IndicatorStatusRow;
import vn.ntm.reporting.statuses.query.StatusTimelines.RollupStatusRow;
import vn.ntm.reporting.units.query.UnitHierarchy;
import vn.ntm.reporting.units.query.UnitHierarchy.Predecessor;
import vn.ntm.reporting.units.query.UnitTree;
import vn.ntm.reporting.units.query.UnitHierarchy.Unit;
import vn.ntm.support.rules.RuleViolation;

/**
 * The criteria matrix: units × criteria with each cell's status, value and threshold (and where the threshold comes
 * from), for a subtree of the hierarchy as it stood on a date, as the platform knew it at a recorded time; counts per
 * level ("X of Y communes meet the standard"). Units that ended into a unit of the subtree (a merger) follow it as
 * rows of their own, with their last standing, so their history stays in view under their successor.
 *
 * <p>Each cell is the stretch of its timeline that holds the date, as known at the recorded time (see
 * {@link StatusTimelines}); a set is described by the version in force on the date (its criteria, titles, legal
 * basis), and each set and criterion cell names the set version its status was judged by.
 */
@Component
public class CriteriaMatrix {

    private final UnitHierarchy hierarchy;
    private final StatusTimelines statuses;
    private final Catalogue catalogue;

    CriteriaMatrix(UnitHierarchy hierarchy, StatusTimelines statuses, Catalogue catalogue) {
        this.hierarchy = hierarchy;
        this.statuses = statuses;
        this.catalogue = catalogue;
    }

    /** What the matrix is of: a subtree (root null: the whole tree), a valid date, a recorded time, a set (or all). */
    public record Query(String root, LocalDate asOf, Instant knownAt, String criteriaSet) {
    }

    /**
     * How much the matrix shows. {@code indicators}: each row's indicator cells as well as its set and criterion
     * cells (a province's indicator cells are some ninety thousand, which the criteria view does not need);
     * {@code depth}: only units at most this many levels below the root (null: all). A unit that ended into a listed
     * unit follows it whatever its own level.
     */
    public record Detail(boolean indicators, Integer depth) {
        /** Everything: for exports and for comparing two dates. */
        public static final Detail FULL = new Detail(true, null);
    }

    public record Matrix(LocalDate asOf, Instant knownAt, UnitRef root, List<Catalogue.CriteriaSet> criteriaSets,
                         List<Row> rows, List<LevelCount> counts) {
    }

    /**
     * One unit's line. {@code predecessorOf}: for a unit that had ended by {@code asOf}, the unit of the subtree it
     * ended into; its cells are its standing on the day before it ended.
     */
    public record Row(String unitId, String level, String name, String parentId, int depth, List<UnitRef> path,
                      String region, Integer communeGroup, String predecessorOf, String endReason, LocalDate endedOn,
                      List<SetCell> sets, List<CriterionCell> criteria, List<IndicatorStatusRow> indicators) {
    }

    /**
     * A whole set's status on the date: {@code criteriaMet} of {@code criteriaTotal} criteria met that day, by set
     * version {@code setVersion} (null: not named, a change published before timelines existed), from the stretch
     * {@code [validOn, validUntil)} (null: open-ended).
     */
    public record SetCell(String criteriaSet, String status, Integer criteriaMet, Integer criteriaTotal,
                          LocalDate validOn, LocalDate validUntil, Integer setVersion) {
    }

    /** A criterion's status on the date, from the stretch {@code [validOn, validUntil)}, by set version. */
    public record CriterionCell(String criteriaSet, String criterionCode, String status, LocalDate validOn,
                                LocalDate validUntil, Integer setVersion) {
    }

    /** Of {@code units} units of one level, how many meet each set that applies to the level. */
    public record LevelCount(String level, int units, List<SetCount> sets) {
    }

    public record SetCount(String criteriaSet, String titleVi, String titleEn, int met, int notMet, int unknown) {
    }

    public Matrix matrix(Query query) {
        return matrix(query, unit -> true, Detail.FULL);
    }

    /**
     * The matrix with only the units {@code visible} lets through (the caller's scope, for a matrix that names no
     * unit): a visible unit whose parent is not visible starts at depth 0, and the counts count visible units only.
     */
    public Matrix matrix(Query query, Predicate<String> visible, Detail detail) {
        UnitTree tree = hierarchy.on(query.asOf(), query.knownAt());
        List<Unit> subtree = subtree(tree, query.root(), query.asOf(), query.knownAt());
        int rootLevel = query.root() == null || subtree.isEmpty() ? 0 : tree.path(subtree.get(0).id()).size() - 1;
        List<Unit> units = subtree.stream().filter(u -> visible.test(u.id()))
                .filter(u -> detail.depth() == null || tree.path(u.id()).size() - 1 - rootLevel <= detail.depth())
                .toList();
        Map<String, Catalogue.CriteriaSet> sets = catalogue.setsOn(query.asOf(), query.knownAt());
        if (query.criteriaSet() != null && !sets.containsKey(query.criteriaSet())) {
            throw RuleViolation.notFound("unknown-criteria-set", query.criteriaSet());
        }
        Set<String> listed = units.stream().map(Unit::id).collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        Map<String, Cells> live = cells(ids(units), query.asOf(), query, detail);
        for (Unit unit : units) {
            List<UnitRef> path = tree.path(unit.id());
            // the unit's depth below the first listed unit above it: its listed ancestors
            int depth = (int) path.subList(0, path.size() - 1).stream().filter(p -> listed.contains(p.id())).count();
            rows.add(row(unit.id(), unit.level(), unit.name(), unit.parentId(), depth, path, unit.region(),
                    unit.communeGroup(), null, null, null, live.getOrDefault(unit.id(), Cells.EMPTY)));
            for (Predecessor p : tree.predecessors(unit.id())) {
                if (!visible.test(p.id())) {
                    continue;
                }
                Cells cells = cells(List.of(UUID.fromString(p.id())), p.endedOn().minusDays(1), query, detail)
                        .getOrDefault(p.id(), Cells.EMPTY);
                rows.add(row(p.id(), p.level(), p.name(), unit.id(), depth + 1, path, null, null, unit.id(),
                        p.reason(), p.endedOn(), cells));
            }
        }
        Set<String> used = new LinkedHashSet<>();
        rows.forEach(r -> r.sets().forEach(s -> used.add(s.criteriaSet())));
        rows.forEach(r -> r.criteria().forEach(s -> used.add(s.criteriaSet())));
        rows.forEach(r -> r.indicators().forEach(s -> used.add(s.criteriaSet())));
        List<Catalogue.CriteriaSet> columns = sets.values().stream()
                .filter(s -> query.criteriaSet() == null ? used.contains(s.code())
                        : s.code().equals(query.criteriaSet()))
                .toList();
        UnitRef root = units.isEmpty() || query.root() == null ? null
                : new UnitRef(units.get(0).id(), units.get(0).level(), units.get(0).name());
        return new Matrix(query.asOf(), query.knownAt(), root, columns, rows,
                counts(rows, query.criteriaSet() == null ? sets.values() : columns));
    }

    /**
     * The units of the subtree; a root that had ended by the date is answered by the unit that succeeded it, and one
     * that is not in the tree is refused saying why (never recorded, not yet recorded at knownAt, or not in force).
     */
    private List<Unit> subtree(UnitTree tree, String root, LocalDate asOf, Instant knownAt) {
        if (root == null) {
            return tree.all();
        }
        Unit holder = tree.holder(root).orElseThrow(() -> hierarchy.absence(root, asOf, knownAt));
        return tree.subtree(holder.id());
    }

    private record Cells(List<SetCell> sets, List<CriterionCell> criteria, List<IndicatorStatusRow> indicators) {
        static final Cells EMPTY = new Cells(List.of(), List.of(), List.of());
    }

    private Map<String, Cells> cells(Collection<UUID> units, LocalDate on, Query query, Detail detail) {
        Map<String, List<IndicatorStatusRow>> indicators = !detail.indicators() ? Map.of()
                : statuses.indicators(units, on, query.knownAt()).stream()
                .filter(r -> query.criteriaSet() == null || r.criteriaSet().equals(query.criteriaSet()))
                .collect(Collectors.groupingBy(IndicatorStatusRow::unitId));
        Map<String, List<RollupStatusRow>> rollups = statuses.rollups(units, on, query.knownAt()).stream()
                .filter(r -> query.criteriaSet() == null || r.criteriaSet().equals(query.criteriaSet()))
                .collect(Collectors.groupingBy(RollupStatusRow::unitId));
        Map<String, Cells> cells = new LinkedHashMap<>();
        for (UUID id : units) {
            String unit = id.toString();
            List<RollupStatusRow> r = rollups.getOrDefault(unit, List.of());
            cells.put(unit, new Cells(
                    r.stream().filter(x -> x.criterionCode() == null).map(x -> new SetCell(x.criteriaSet(),
                            x.status(), x.criteriaMet(), x.criteriaTotal(), x.validOn(), x.validUntil(),
                            x.setVersion())).toList(),
                    r.stream().filter(x -> x.criterionCode() != null).map(x -> new CriterionCell(x.criteriaSet(),
                            x.criterionCode(), x.status(), x.validOn(), x.validUntil(), x.setVersion())).toList(),
                    indicators.getOrDefault(unit, List.of())));
        }
        return cells;
    }

    private static Row row(String id, String level, String name, String parentId, int depth, List<UnitRef> path,
                           String region, Integer group, String predecessorOf, String reason, LocalDate endedOn,
                           Cells cells) {
        return new Row(id, level, name, parentId, depth, path, region, group, predecessorOf, reason, endedOn,
                cells.sets(), cells.criteria(), cells.indicators());
    }

    private static List<LevelCount> counts(List<Row> rows, Collection<Catalogue.CriteriaSet> sets) {
        Map<String, List<Row>> byLevel = rows.stream().filter(r -> r.predecessorOf() == null)
                .collect(Collectors.groupingBy(Row::level, LinkedHashMap::new, Collectors.toList()));
        List<LevelCount> counts = new ArrayList<>();
        byLevel.forEach((level, unitsOfLevel) -> {
            List<SetCount> setCounts = new ArrayList<>();
            for (Catalogue.CriteriaSet set : sets) {
                if (set.level() == null || !set.level().endsWith(level)) {
                    continue;
                }
                int met = 0;
                int notMet = 0;
                for (Row r : unitsOfLevel) {
                    String status = r.sets().stream().filter(s -> s.criteriaSet().equals(set.code()))
                            .map(SetCell::status).findFirst().orElse("UNKNOWN");
                    met += status.equals("MET") ? 1 : 0;
                    notMet += status.equals("NOT_MET") ? 1 : 0;
                }
                setCounts.add(new SetCount(set.code(), set.titleVi(), set.titleEn(), met, notMet,
                        unitsOfLevel.size() - met - notMet));
            }
            counts.add(new LevelCount(level, unitsOfLevel.size(), setCounts));
        });
        return counts;
    }

    private static List<UUID> ids(List<Unit> units) {
        return units.stream().map(u -> UUID.fromString(u.id())).toList();
    }
}
