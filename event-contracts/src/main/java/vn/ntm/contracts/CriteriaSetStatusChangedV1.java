package vn.ntm.contracts;

import java.util.List;

/**
 * {@link CriteriaSetStatusChanged} as schema version 1 put it on the wire; read as a stretch from the envelope's
 * validOn, open-ended, of a {@link StatusCause#LEGACY} change. Version 1 did not name the set version: 0.
 */
public record CriteriaSetStatusChangedV1(String criteriaSetId, String previousStatus, String status, int criteriaMet,
                                         int criteriaTotal, List<String> criteriaNotMet, String causeMeasurementId)
        implements IntegrationPayload, OlderVersion {

    @Override
    public CriteriaSetStatusChanged upcast() {
        return new CriteriaSetStatusChanged(criteriaSetId, status, null, criteriaMet, criteriaTotal, criteriaNotMet, 0,
                new StatusCause(StatusCause.LEGACY, causeMeasurementId, null, null));
    }
}
