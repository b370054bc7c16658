package vn.ntm.reporting.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.contracts.UnitRef;
import vn.ntm.reporting.statuses.StatusProjection;
import vn.ntm.reporting.statuses.StatusProjection.IndicatorStatusRow;
import vn.ntm.support.rules.RuleViolation;

/** The unit tree with each unit's current indicator statuses, and one unit's timeline. */
@RestController
@RequestMapping("/api/units")
class UnitTreeController {

    private final UnitProjection units;
    private final StatusProjection statuses;

    UnitTreeController(UnitProjection units, StatusProjection statuses) {
        this.units = units;
        this.statuses = statuses;
    }

    record Summary(long met, long notMet, long unknown) {
    }

    record UnitNode(String id, String level, String name, String region, LocalDate validFrom, List<UnitRef> path,
                    String registeredBy, Summary summary, List<IndicatorStatusRow> statuses,
                    List<StatusProjection.RollupStatusRow> rollups, List<UnitNode> children) {
    }

    @GetMapping
    List<UnitNode> tree() {
        Map<String, List<IndicatorStatusRow>> byUnit = statuses.current().stream()
                .collect(Collectors.groupingBy(IndicatorStatusRow::unitId));
        Map<String, List<StatusProjection.RollupStatusRow>> rollupsByUnit = statuses.currentRollups().stream()
                .collect(Collectors.groupingBy(StatusProjection.RollupStatusRow::unitId));
        Map<String, UnitNode> nodes = new LinkedHashMap<>();
        List<UnitNode> roots = new ArrayList<>();
        for (UnitProjection.UnitRow row : units.all()) {
            List<IndicatorStatusRow> own = byUnit.getOrDefault(row.id(), List.of());
            UnitNode node = new UnitNode(row.id(), row.level(), row.name(), row.region(), row.validFrom(), row.path(),
                    row.registeredBy(), summary(own), own, rollupsByUnit.getOrDefault(row.id(), List.of()),
                    new ArrayList<>());
            nodes.put(row.id(), node);
            UnitNode parent = row.parentId() == null ? null : nodes.get(row.parentId());
            if (parent == null) {
                roots.add(node);
            } else {
                parent.children().add(node);
            }
        }
        return roots;
    }

    @GetMapping("/{unitId}/history")
    List<IndicatorStatusRow> history(@PathVariable String unitId) {
        try {
            return statuses.history(UUID.fromString(unitId));
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
