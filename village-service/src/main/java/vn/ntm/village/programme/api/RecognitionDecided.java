package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** The unit was recognised by a decision. */
public record RecognitionDecided(RecognitionId recognitionId, UnitId unitId, List<UnitRef> path, RecognitionLevel level,
                                 String criteriaSetCode, String decisionNumber, LocalDate decidedOn, String authority,
                                 Actor actor) {
}
