package vn.ntm.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A unit adopted its programme plan (kế hoạch), e.g. Plan 30/KH-UBND of Song Vân, 5 March 2024. The envelope's
 * unit is the unit the plan belongs to; {@code validOn} is {@code adoptedOn}.
 *
 * @param number      the document number as issued, e.g. "30/KH-UBND"
 * @param targets     measurable targets: an indicator or criterion of a criteria set, a value, a due date
 * @param roadmap     units to reach a recognition level by a date (two model villages in Q4/2024)
 * @param tasks       work with a deadline and the office responsible
 * @param assignments which office owns which criteria
 * @param rewards     what is paid when a unit is recognised at a level
 */
public record PlanAdopted(String planId, String number, String title, LocalDate adoptedOn, String signer, int year,
                          List<Target> targets, List<RoadmapItem> roadmap, List<Task> tasks,
                          List<Assignment> assignments, List<RewardRule> rewards) implements IntegrationPayload {

    /** @param comparator one of {@code >=}, {@code >}, {@code <=}, {@code <}, {@code =} */
    public record Target(String targetId, String criteriaSetCode, String indicatorCode, String criterionCode,
                         String description, String comparator, BigDecimal value, String unit, LocalDate dueDate) {
    }

    /** @param level STANDARD, ADVANCED or MODEL (đạt chuẩn, nâng cao, kiểu mẫu) */
    public record RoadmapItem(String itemId, String unitId, String unitName, String level, String criteriaSetCode,
                              LocalDate dueDate, String description) {
    }

    public record Task(String taskId, String description, LocalDate dueDate, String responsibleOffice,
                       List<String> unitIds) {
    }

    public record Assignment(String office, String criteriaSetCode, List<String> criterionCodes, String duty) {
    }

    /** @param amount in Vietnamese đồng, per unit recognised at {@code level} of {@code unitLevel} */
    public record RewardRule(String ruleId, String level, String unitLevel, BigDecimal amount, String budgetSource,
                             String description) {
    }
}
