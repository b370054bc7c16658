package vn.ntm.contracts;

/** A criterion (tiêu chí) changed status for a unit: met when all its indicators are met. */
public record CriterionStatusChanged(String criteriaSetId, String criterionCode, String previousStatus, String status,
                                     String causeIndicatorCode, String causeMeasurementId)
        implements IntegrationPayload {
}
