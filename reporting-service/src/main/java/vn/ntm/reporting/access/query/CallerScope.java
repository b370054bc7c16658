package vn.ntm.reporting.access.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.UnitRef;
import vn.ntm.reporting.units.query.UnitHierarchy;
import vn.ntm.reporting.units.query.UnitTree;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Caller;
import vn.ntm.support.security.UnitLineage;

/**
 * Narrows a report that names no unit (the whole tree, the whole matrix, every deadline) to the units the caller's
 * scope covers on the report's date, by the same rule as {@link AccessGuard} (docs/adr/0010): a unit of the subtree on
 * that date, or one whose territory the subtree holds today. The rule is applied to a snapshot of the hierarchy loaded
 * once per request, not one query per unit, and as known now (never as of the report's {@code knownAt}).
 */
@Component
public class CallerScope {

    private final AccessGuard access;
    private final UnitHierarchy hierarchy;
    private final Clock clock;

    CallerScope(AccessGuard access, UnitHierarchy hierarchy, Clock clock) {
        this.access = access;
        this.hierarchy = hierarchy;
        this.clock = clock;
    }

    /** Whether the current caller may see every unit (scope {@code *}): nothing to narrow. */
    public boolean wholePlatform() {
        return access.caller().wholePlatform();
    }

    /** The units the current caller covers on {@code on}. */
    public Predicate<String> covering(LocalDate on) {
        return covering(access.caller(), on);
    }

    /**
     * The units a report on {@code root} (null: every unit) on {@code asOf} as known at {@code knownAt} covers, by id
     * with their name: the subtree and the units that ended into it ({@link UnitTree#scope}), narrowed to those the
     * current caller covers on {@code asOf} when no unit is named. A root not in that tree is refused saying why.
     */
    public Map<String, String> reportOn(String root, LocalDate asOf, Instant knownAt) {
        Map<String, String> scope = hierarchy.on(asOf, knownAt).scope(root);
        if (root != null && scope.isEmpty()) {
            throw hierarchy.absence(root, asOf, knownAt);
        }
        if (root != null || wholePlatform()) {
            return scope;
        }
        Predicate<String> covered = covering(asOf);
        Map<String, String> narrowed = new LinkedHashMap<>();
        scope.forEach((unit, name) -> {
            if (covered.test(unit)) {
                narrowed.put(unit, name);
            }
        });
        return narrowed;
    }

    /** The units {@code caller} covers on {@code on}. */
    public Predicate<String> covering(Caller caller, LocalDate on) {
        if (caller.wholePlatform()) {
            return unit -> true;
        }
        if (caller.scope() == null) {
            return unit -> false;
        }
        AccessGuard snapshot = new AccessGuard(new Snapshot(hierarchy, clock.instant()), clock);
        Map<String, Boolean> decided = new HashMap<>();
        return unit -> unit != null && decided.computeIfAbsent(unit, u -> snapshot.covers(caller, u, on));
    }

    /** The lineage of every unit, from trees of the hierarchy loaded once per date asked. */
    private static final class Snapshot implements UnitLineage {

        private final UnitHierarchy hierarchy;
        private final Instant known;
        private final Map<LocalDate, UnitTree> trees = new HashMap<>();
        private Map<String, List<String>> successors;

        Snapshot(UnitHierarchy hierarchy, Instant known) {
            this.hierarchy = hierarchy;
            this.known = known;
        }

        @Override
        public List<String> ancestorsOrSelf(String unitId, LocalDate on) {
            List<UnitRef> path = trees.computeIfAbsent(on, day -> hierarchy.on(day, known)).path(unitId);
            List<String> ids = new ArrayList<>(path.stream().map(UnitRef::id).toList());
            Collections.reverse(ids);
            return ids;
        }

        @Override
        public List<String> successors(String unitId) {
            if (successors == null) {
                successors = hierarchy.successors(known);
            }
            return successors.getOrDefault(unitId, List.of());
        }
    }
}
