package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * A measurement of one indicator for one unit, valid on {@code validOn}, was recorded, together with the rule
 * (threshold and its provenance) it is judged by.
 */
public record MeasurementRecorded(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                  CriteriaSetId criteriaSetId, MeasurementId measurementId, String indicatorCode,
                                  MeasuredValue value, LocalDate validOn, Evidence evidence, Actor actor,
                                  IndicatorRule rule) {
}
