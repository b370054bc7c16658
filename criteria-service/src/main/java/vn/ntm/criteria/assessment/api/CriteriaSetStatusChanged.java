package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/** The unit's standing against the whole set changed: met when every criterion is met. */
public record CriteriaSetStatusChanged(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                       CriteriaSetId criteriaSetId, IndicatorStatus previousStatus,
                                       IndicatorStatus status, int criteriaMet, int criteriaTotal,
                                       List<String> criteriaNotMet, String causeMeasurementId, LocalDate validOn,
                                       Actor actor) {
}
