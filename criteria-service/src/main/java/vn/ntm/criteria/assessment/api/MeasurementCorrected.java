package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/** A measurement's value was corrected; {@code validOn} is the corrected measurement's own date. */
public record MeasurementCorrected(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                   CriteriaSetId criteriaSetId, MeasurementId measurementId, String indicatorCode,
                                   MeasuredValue value, LocalDate validOn, IndicatorRule rule, String reason,
                                   Evidence evidence, Actor actor) {
}
