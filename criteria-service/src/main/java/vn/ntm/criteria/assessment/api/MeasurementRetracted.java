package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/** A measurement was withdrawn; {@code validOn} is the retracted measurement's own date. */
public record MeasurementRetracted(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                   CriteriaSetId criteriaSetId, MeasurementId measurementId, String indicatorCode,
                                   LocalDate validOn, String reason, Actor actor) {
}
