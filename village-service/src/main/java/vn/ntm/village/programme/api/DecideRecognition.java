package vn.ntm.village.programme.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** The decision recognising the unit. */
public record DecideRecognition(@TargetAggregateIdentifier RecognitionId recognitionId, String decisionNumber,
                                LocalDate decidedOn, String authority, Actor actor) {
}
