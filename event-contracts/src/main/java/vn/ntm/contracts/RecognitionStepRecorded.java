package vn.ntm.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of the recognition procedure after the request was recorded.
 *
 * @param step      PUBLIC_COMMENT, SATISFACTION_SURVEY, HIGHER_LEVEL_CHECK, APPRAISAL or PUBLICATION
 * @param by        who carried it out (the Fatherland Front for the survey, the level above for the check, ...)
 * @param passed    the step's outcome; a failed check or appraisal ends the request
 * @param villages  the survey's figures per village (empty for other steps)
 */
public record RecognitionStepRecorded(String recognitionId, String step, LocalDate on, String by, boolean passed,
                                      String note, List<SurveyResult> villages) implements IntegrationPayload {

    public RecognitionStepRecorded {
        villages = villages == null ? List.of() : List.copyOf(villages);
    }

    public record SurveyResult(String unitId, String unitName, int householdsSurveyed, int householdsSatisfied) {
    }
}
