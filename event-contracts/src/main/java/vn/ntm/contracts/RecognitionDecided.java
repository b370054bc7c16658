package vn.ntm.contracts;

import java.time.LocalDate;

/** The competent authority decided the recognition (quyết định công nhận); the unit holds {@code level} from then. */
public record RecognitionDecided(String recognitionId, String level, String criteriaSetCode, String decisionNumber,
                                 LocalDate decidedOn, String authority) implements IntegrationPayload {
}
