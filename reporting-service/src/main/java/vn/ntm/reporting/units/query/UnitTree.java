package vn.ntm.reporting.units.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ntm.contracts.UnitRef;
import vn.ntm.reporting.units.query.UnitHierarchy.Predecessor;
import vn.ntm.reporting.units.query.UnitHierarchy.Unit;

/**
 * The hierarchy on one date ({@link UnitHierarchy#on}): units, children and the units that ended into them, and the
 * scope a report on a unit covers.
 */
public final class UnitTree {

    private static final Comparator<Unit> BY_LEVEL_AND_NAME = Comparator.comparingInt((Unit u) -> rank(u.level()))
            .thenComparing(Unit::name);

    private final LocalDate on;
    private final Map<String, Unit> byId = new LinkedHashMap<>();
    private final Map<String, List<Unit>> children = new LinkedHashMap<>();
    private final Map<String, List<Predecessor>> predecessors = new LinkedHashMap<>();
    private final Map<String, Predecessor> endedInto = new LinkedHashMap<>();

    UnitTree(LocalDate on, Collection<Unit> units, Collection<Predecessor> ended) {
        this.on = on;
        units.stream().sorted(BY_LEVEL_AND_NAME).forEach(u -> byId.put(u.id(), u));
        byId.values().forEach(u -> {
            if (u.parentId() != null && byId.containsKey(u.parentId())) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        });
        ended.forEach(p -> {
            predecessors.computeIfAbsent(p.successorId(), k -> new ArrayList<>()).add(p);
            endedInto.putIfAbsent(p.id(), p);
        });
    }

    public LocalDate on() {
        return on;
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Units with no parent in the tree (provinces, normally). */
    public List<Unit> roots() {
        return byId.values().stream().filter(u -> u.parentId() == null || !byId.containsKey(u.parentId()))
                .toList();
    }

    public List<Unit> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** The units that ended into this one up to the tree's date, with their predecessors in turn. */
    public List<Predecessor> predecessors(String id) {
        List<Predecessor> all = new ArrayList<>();
        for (Predecessor p : predecessors.getOrDefault(id, List.of())) {
            all.add(p);
            all.addAll(predecessors(p.id()));
        }
        return all;
    }

    /**
     * The unit that holds {@code id}'s territory on the tree's date: itself while it exists, else its successor
     * (followed through later mergers); empty when it dissolved without one or is unknown.
     */
    public Optional<Unit> holder(String id) {
        String current = id;
        for (int hops = 0; hops < 16 && current != null; hops++) {
            if (byId.containsKey(current)) {
                return Optional.of(byId.get(current));
            }
            Predecessor ended = endedInto.get(current);
            current = ended == null ? null : ended.successorId();
        }
        return Optional.empty();
    }

    /** {@code root} and everything below it, parents before children. */
    public List<Unit> subtree(String root) {
        List<Unit> out = new ArrayList<>();
        Unit unit = byId.get(root);
        if (unit != null) {
            collect(unit, out);
        }
        return out;
    }

    /**
     * The units a report on {@code root} covers, by id with their name: the subtree (root null: the whole tree)
     * and every unit that ended into one of them. A root that had ended is answered by its successor.
     */
    public Map<String, String> scope(String root) {
        List<Unit> units = root == null ? all()
                : holder(root).map(u -> subtree(u.id())).orElse(List.of());
        Map<String, String> scope = new LinkedHashMap<>();
        for (Unit u : units) {
            scope.put(u.id(), u.name());
            predecessors(u.id()).forEach(p -> scope.putIfAbsent(p.id(), p.name()));
        }
        return scope;
    }

    /** Every unit, parents before children. */
    public List<Unit> all() {
        List<Unit> out = new ArrayList<>();
        roots().forEach(r -> collect(r, out));
        return out;
    }

    private void collect(Unit unit, List<Unit> out) {
        out.add(unit);
        children(unit.id()).forEach(c -> collect(c, out));
    }

    /** The path from the top of the tree down to the unit. */
    public List<UnitRef> path(String id) {
        List<UnitRef> path = new ArrayList<>();
        Unit unit = byId.get(id);
        for (int depth = 0; unit != null && depth < 16; depth++) {
            path.add(0, new UnitRef(unit.id(), unit.level(), unit.name()));
            unit = unit.parentId() == null ? null : byId.get(unit.parentId());
        }
        return path;
    }

    private static int rank(String level) {
        return switch (level) {
            case "PROVINCE" -> 0;
            case "DISTRICT" -> 1;
            case "COMMUNE" -> 2;
            case "VILLAGE" -> 3;
            default -> 4;
        };
    }
}
