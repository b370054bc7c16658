package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.village.unit.api.UnitId;

/** Commands on a recognition. */
public final class RecognitionCommands {

    private RecognitionCommands() {
    }

    public record RequestRecognition(String recognitionId, UnitId unitId, RecognitionLevel level,
                                     String criteriaSetCode, LocalDate requestedOn, boolean noOverdueConstructionDebt,
                                     List<String> evidence, Actor actor) {
    }

    /** Public comment, higher-level check, appraisal or publication. */
    public record RecordStep(@TargetAggregateIdentifier String recognitionId, RecognitionStep step, LocalDate on,
                             String by, boolean passed, String note, Actor actor) {
    }

    public record RecordSurvey(@TargetAggregateIdentifier String recognitionId, LocalDate on, String by,
                               boolean passed, String note, List<Village> villages, Actor actor) {

        public record Village(UnitId unitId, int householdsSurveyed, int householdsSatisfied) {
        }
    }

    public record DecideRecognition(@TargetAggregateIdentifier String recognitionId, String decisionNumber,
                                    LocalDate decidedOn, String authority, Actor actor) {
    }

    /** Sent when criteria-service's statuses meet a revocation trigger for a recognised unit. */
    public record WarnOfRevocation(@TargetAggregateIdentifier String recognitionId, String trigger,
                                   int criteriaFailing, int criteriaTotal, List<String> failingCriteria,
                                   List<String> failingKeyCriteria, LocalDate validOn) {
    }

    public record RevokeRecognition(@TargetAggregateIdentifier String recognitionId, String decisionNumber,
                                    LocalDate decidedOn, String authority, String reason, Actor actor) {
    }
}
