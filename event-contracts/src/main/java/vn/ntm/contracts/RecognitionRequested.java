package vn.ntm.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit asked to be recognised (công nhận) at a level against a criteria set (decision 18/2022/QĐ-TTg, step 1), with
 * the self-assessment as criteria-service last reported it.
 *
 * @param level          STANDARD, ADVANCED or MODEL
 * @param criteriaMet    criteria met of {@code criteriaTotal} in the snapshot
 * @param standingOn     the valid date of the criteria status the snapshot was taken from
 */
public record RecognitionRequested(String recognitionId, String level, String criteriaSetCode, LocalDate requestedOn,
                                   int criteriaMet, int criteriaTotal, LocalDate standingOn,
                                   boolean noOverdueConstructionDebt, List<String> evidence)
        implements IntegrationPayload {

    public RecognitionRequested {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
