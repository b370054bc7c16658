package vn.ntm.village.programme.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.ntm.village.unit.api.UnitId;

/** The parts of a plan (kế hoạch) as stored in its events. */
public final class PlanParts {

    private PlanParts() {
    }

    /** A number to reach by a date, for an indicator or a whole criterion of a criteria set. */
    public record Target(String targetId, String criteriaSetCode, String indicatorCode, String criterionCode,
                         String description, String comparator, BigDecimal value, String unit, LocalDate dueDate) {
    }

    /** A unit to be recognised at a level by a date, e.g. Hoàng Vân as a model village by Q4/2024. */
    public record RoadmapItem(String itemId, UnitId unitId, String unitName, RecognitionLevel level,
                              String criteriaSetCode, LocalDate dueDate, String description) {
    }

    /** Work due by a date, with the office responsible and the units it concerns. */
    public record Task(String taskId, String description, LocalDate dueDate, String responsibleOffice,
                       List<UnitId> unitIds) {
    }

    /** An office and the criteria it answers for. */
    public record Assignment(String office, String criteriaSetCode, List<String> criterionCodes, String duty) {
    }

    /** What is paid, in đồng, for each unit of {@code unitLevel} recognised at {@code level} in the plan's year. */
    public record RewardRule(String ruleId, RecognitionLevel level, String unitLevel, BigDecimal amount,
                             String budgetSource, String description) {
    }
}
