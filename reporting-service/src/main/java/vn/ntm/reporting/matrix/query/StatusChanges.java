package vn.ntm.reporting.matrix.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import vn.ntm.reporting.statuses.query.StatusChangeLog;
import vn.ntm.reporting.units.query.UnitHierarchy;

/** What changed in a subtree between two dates: cells whose status differs, the changes themselves, unit changes. */
@Component
public class StatusChanges {

    private final CriteriaMatrix matrix;
    private final StatusChangeLog statuses;
    private final UnitHierarchy hierarchy;

    StatusChanges(CriteriaMatrix matrix, StatusChangeLog statuses, UnitHierarchy hierarchy) {
        this.matrix = matrix;
        this.statuses = statuses;
        this.hierarchy = hierarchy;
    }

    /** One cell whose status on {@code to} differs from its status on {@code from} (UNKNOWN when it had none). */
    public record CellChange(String unitId, String unitName, String kind, String criteriaSet, String code,
                      String statusBefore, String statusAfter, BigDecimal valueBefore, BigDecimal valueAfter) {
    }

    public record Changes(LocalDate from, LocalDate to, Instant knownAt, List<CellChange> cells,
                   List<StatusChangeLog.StatusChange> events, List<UnitHierarchy.UnitChange> units) {
    }

    /** The changes among the units {@code visibleBefore} and {@code visibleAfter} let through on each date. */
    public Changes between(CriteriaMatrix.Query before, CriteriaMatrix.Query after, Predicate<String> visibleBefore,
                    Predicate<String> visibleAfter) {
        CriteriaMatrix.Matrix then = matrix.matrix(before, visibleBefore, CriteriaMatrix.Detail.FULL);
        CriteriaMatrix.Matrix now = matrix.matrix(after, visibleAfter, CriteriaMatrix.Detail.FULL);
        Map<String, Cell> a = cells(then);
        Map<String, Cell> b = cells(now);
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<CellChange> cells = new ArrayList<>();
        for (String key : keys) {
            Cell x = a.get(key);
            Cell y = b.get(key);
            String s1 = x == null ? "UNKNOWN" : x.status();
            String s2 = y == null ? "UNKNOWN" : y.status();
            if (!s1.equals(s2) || !Objects.equals(x == null ? null : x.value(), y == null ? null : y.value())) {
                Cell any = y != null ? y : x;
                cells.add(new CellChange(any.unitId(), any.unitName(), any.kind(), any.set(), any.code(), s1, s2,
                        x == null ? null : x.value(), y == null ? null : y.value()));
            }
        }
        Set<UUID> units = new LinkedHashSet<>();
        then.rows().forEach(r -> units.add(UUID.fromString(r.unitId())));
        now.rows().forEach(r -> units.add(UUID.fromString(r.unitId())));
        return new Changes(before.asOf(), after.asOf(), after.knownAt(), cells,
                statuses.changes(units, before.asOf(), after.asOf(), after.knownAt()),
                hierarchy.changes(units, before.asOf(), after.asOf(), after.knownAt()));
    }

    private record Cell(String unitId, String unitName, String kind, String set, String code, String status,
                        BigDecimal value) {
    }

    private static Map<String, Cell> cells(CriteriaMatrix.Matrix m) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (CriteriaMatrix.Row r : m.rows()) {
            r.sets().forEach(s -> put(cells, new Cell(r.unitId(), r.name(), "SET", s.criteriaSet(), null, s.status(),
                    null)));
            r.criteria().forEach(c -> put(cells, new Cell(r.unitId(), r.name(), "CRITERION", c.criteriaSet(),
                    c.criterionCode(), c.status(), null)));
            r.indicators().forEach(i -> put(cells, new Cell(r.unitId(), r.name(), "INDICATOR", i.criteriaSet(),
                    i.indicatorCode(), i.status(), i.value())));
        }
        return cells;
    }

    private static void put(Map<String, Cell> cells, Cell c) {
        cells.putIfAbsent(c.unitId() + "|" + c.kind() + "|" + c.set() + "|" + c.code(), c);
    }
}
