package vn.ntm.contracts;

import java.util.List;

/** A unit's standing against a whole criteria set changed: met when every criterion is met. */
public record CriteriaSetStatusChanged(String criteriaSetId, String previousStatus, String status, int criteriaMet,
                                       int criteriaTotal, List<String> criteriaNotMet, String causeMeasurementId)
        implements IntegrationPayload {
}
