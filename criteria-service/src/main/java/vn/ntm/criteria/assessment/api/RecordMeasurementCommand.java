package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/**
 * @param unitPath the unit's path as criteria-service knows it, carried into the events for consumers
 * @param rule     the indicator and the threshold that apply to this unit on {@code validOn}
 */
public record RecordMeasurementCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String unitId,
                                       List<UnitRef> unitPath, String measurementId, IndicatorRule rule,
                                       MeasuredValue value, LocalDate validOn, Evidence evidence, SetShape shape,
                                       Actor actor) {
}
