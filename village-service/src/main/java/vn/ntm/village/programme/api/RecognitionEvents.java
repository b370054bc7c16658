package vn.ntm.village.programme.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** The stored events of a recognition (công nhận) under decision 18/2022/QĐ-TTg. */
public final class RecognitionEvents {

    private RecognitionEvents() {
    }

    public record RecognitionRequested(String recognitionId, UnitId unitId, List<UnitRef> path,
                                       RecognitionLevel level, String criteriaSetCode, LocalDate requestedOn,
                                       int criteriaMet, int criteriaTotal, LocalDate standingOn,
                                       boolean noOverdueConstructionDebt, List<String> evidence, Actor actor) {
    }

    public record RecognitionStepRecorded(String recognitionId, UnitId unitId, List<UnitRef> path,
                                          RecognitionStep step, LocalDate on, String by, boolean passed, String note,
                                          List<SurveyResult> villages, Actor actor) {
    }

    /** Households surveyed and satisfied in one village, as the Fatherland Front (MTTQ) counted them. */
    public record SurveyResult(UnitId unitId, String unitName, int householdsSurveyed, int householdsSatisfied) {
    }

    public record RecognitionDecided(String recognitionId, UnitId unitId, List<UnitRef> path, RecognitionLevel level,
                                     String criteriaSetCode, String decisionNumber, LocalDate decidedOn,
                                     String authority, Actor actor) {
    }

    public record RewardGranted(String recognitionId, UnitId unitId, List<UnitRef> path, String planId,
                                String planNumber, String ruleId, BigDecimal amount, String budgetSource,
                                LocalDate grantedOn, Actor actor) {
    }

    public record RevocationWarning(String recognitionId, UnitId unitId, List<UnitRef> path, RecognitionLevel level,
                                    String criteriaSetCode, String trigger, int criteriaFailing, int criteriaTotal,
                                    List<String> failingCriteria, List<String> failingKeyCriteria, LocalDate validOn,
                                    Actor actor) {
    }

    public record RecognitionRevoked(String recognitionId, UnitId unitId, List<UnitRef> path, RecognitionLevel level,
                                     String decisionNumber, LocalDate decidedOn, String authority, String reason,
                                     Actor actor) {
    }
}
