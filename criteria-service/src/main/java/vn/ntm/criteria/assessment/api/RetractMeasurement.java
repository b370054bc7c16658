package vn.ntm.criteria.assessment.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/** Withdraws a measurement recorded in error; each date it governed falls back to the measurements that remain. */
public record RetractMeasurement(@TargetAggregateIdentifier AssessmentId assessmentId, String unitId,
                                 List<UnitRef> unitPath, MeasurementId measurementId, String reason, RuleBook rules,
                                 Actor actor) {
}
