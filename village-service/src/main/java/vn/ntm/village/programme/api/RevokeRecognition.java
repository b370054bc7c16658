package vn.ntm.village.programme.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** The decision revoking a recognition (thu hồi). */
public record RevokeRecognition(@TargetAggregateIdentifier RecognitionId recognitionId, String decisionNumber,
                                LocalDate decidedOn, String authority, String reason, Actor actor) {
}
