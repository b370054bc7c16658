package vn.ntm.village.programme.query;

import java.time.LocalDate;
import java.util.List;
import tools.jackson.databind.JsonNode;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.unit.api.UnitId;

/**
 * A recognition's status and dates, with its history: each entry an event as recorded (steps, decision, rewards,
 * warnings, revocation) with its {@code kind} and without the unit's path. The entries keep the JSON of the events
 * they were made of, whatever their shape then, so they are carried as JSON.
 */
public record RecognitionView(RecognitionId recognitionId, UnitId unitId, RecognitionLevel level,
                              String criteriaSetCode, String status, LocalDate requestedOn, LocalDate decidedOn,
                              String decisionNumber, LocalDate revokedOn, List<JsonNode> history) {
}
