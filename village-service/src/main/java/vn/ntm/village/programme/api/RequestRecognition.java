package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.village.unit.api.UnitId;

/** A unit asks to be recognised at a level against a criteria set (decision 18/2022/QĐ-TTg). */
public record RequestRecognition(RecognitionId recognitionId, UnitId unitId, RecognitionLevel level,
                                 String criteriaSetCode, LocalDate requestedOn, boolean noOverdueConstructionDebt,
                                 List<String> evidence, Actor actor) {
}
