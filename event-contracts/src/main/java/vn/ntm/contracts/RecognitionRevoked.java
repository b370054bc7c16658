package vn.ntm.contracts;

import java.time.LocalDate;

/** The recognition was revoked (thu hồi) by a decision. */
public record RecognitionRevoked(String recognitionId, String level, String decisionNumber, LocalDate decidedOn,
                                 String authority, String reason) implements IntegrationPayload {
}
