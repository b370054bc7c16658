package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** The recognition was revoked by a decision. */
public record RecognitionRevoked(RecognitionId recognitionId, UnitId unitId, List<UnitRef> path, RecognitionLevel level,
                                 String decisionNumber, LocalDate decidedOn, String authority, String reason,
                                 Actor actor) {
}
