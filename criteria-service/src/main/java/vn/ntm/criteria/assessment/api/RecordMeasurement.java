package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * @param unitPath the unit's path as criteria-service knows it, carried into the events for consumers
 * @param rules    the set's rules for this unit over valid time (the measurement is judged on every date it governs)
 */
public record RecordMeasurement(@TargetAggregateIdentifier AssessmentId assessmentId, String unitId,
                                List<UnitRef> unitPath, CriteriaSetId criteriaSetId, MeasurementId measurementId,
                                String indicatorCode, MeasuredValue value, LocalDate validOn,
                                Evidence evidence, RuleBook rules, Actor actor) {
}
