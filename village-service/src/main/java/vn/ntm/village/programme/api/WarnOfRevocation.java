package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when criteria-service's statuses meet a revocation trigger for a recognised unit. */
public record WarnOfRevocation(@TargetAggregateIdentifier RecognitionId recognitionId, String trigger,
                               int criteriaFailing, int criteriaTotal, List<String> failingCriteria,
                               List<String> failingKeyCriteria, LocalDate validOn) {
}
