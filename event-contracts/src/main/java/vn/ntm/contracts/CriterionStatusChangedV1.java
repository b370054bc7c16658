package vn.ntm.contracts;

/**
 * {@link CriterionStatusChanged} as schema version 1 put it on the wire; read as a stretch from the envelope's
 * validOn, open-ended, of a {@link StatusCause#LEGACY} change. Version 1 did not name the set version: 0.
 */
public record CriterionStatusChangedV1(String criteriaSetId, String criterionCode, String previousStatus,
                                       String status, String causeIndicatorCode, String causeMeasurementId)
        implements IntegrationPayload, OlderVersion {

    @Override
    public CriterionStatusChanged upcast() {
        return new CriterionStatusChanged(criteriaSetId, criterionCode, status, null, 0,
                new StatusCause(StatusCause.LEGACY, causeMeasurementId, causeIndicatorCode, null));
    }
}
