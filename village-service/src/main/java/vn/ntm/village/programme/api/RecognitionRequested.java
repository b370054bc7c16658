package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** A recognition was requested, with the standing it relied on ({@code standingOn}: the start of that stretch). */
public record RecognitionRequested(RecognitionId recognitionId, UnitId unitId, List<UnitRef> path,
                                   RecognitionLevel level, String criteriaSetCode, LocalDate requestedOn,
                                   int criteriaMet, int criteriaTotal, LocalDate standingOn,
                                   boolean noOverdueConstructionDebt, List<String> evidence, Actor actor) {
}
