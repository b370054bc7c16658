package vn.ntm.village.programme.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;

/** Public comment, higher-level check, appraisal or publication. */
public record RecordStep(@TargetAggregateIdentifier RecognitionId recognitionId, RecognitionStep step, LocalDate on,
                         String by, boolean passed, String note, Actor actor) {
}
