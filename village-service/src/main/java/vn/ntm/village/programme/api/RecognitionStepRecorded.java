package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** A step after the request; {@code villages} only for the satisfaction survey. */
public record RecognitionStepRecorded(RecognitionId recognitionId, UnitId unitId, List<UnitRef> path,
                                      RecognitionStep step, LocalDate on, String by, boolean passed, String note,
                                      List<SurveyResult> villages, Actor actor) {
}
