package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/** A criterion (tiêu chí) changed status: met when all its indicators are met. */
public record CriterionStatusChanged(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                     CriteriaSetId criteriaSetId, String criterionCode, IndicatorStatus previousStatus,
                                     IndicatorStatus status, String causeIndicatorCode, String causeMeasurementId,
                                     LocalDate validOn, Actor actor) {
}
