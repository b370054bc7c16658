package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;

/** A revocation trigger of decision 18/2022/QĐ-TTg was met on {@code validOn}. */
public record RevocationWarning(RecognitionId recognitionId, UnitId unitId, List<UnitRef> path, RecognitionLevel level,
                                String criteriaSetCode, String trigger, int criteriaFailing, int criteriaTotal,
                                List<String> failingCriteria, List<String> failingKeyCriteria, LocalDate validOn,
                                Actor actor) {
}
