package vn.ntm.criteria.assessment.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/** Replaces a measurement's value; the original stays in the history, the correction is a new event. */
public record CorrectMeasurement(@TargetAggregateIdentifier AssessmentId assessmentId, String unitId,
                                 List<UnitRef> unitPath, MeasurementId measurementId, MeasuredValue value,
                                 String reason, Evidence evidence, RuleBook rules, Actor actor) {
}
