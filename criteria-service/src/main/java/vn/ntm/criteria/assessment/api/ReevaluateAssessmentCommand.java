package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/**
 * A new version of the criteria set took effect on {@code effectiveFrom}: judge the current measurements again
 * under its rules (one per indicator of the new version) and shape. History is not rewritten: any change is a new
 * status event valid from that date.
 */
public record ReevaluateAssessmentCommand(@TargetAggregateIdentifier AssessmentId assessmentId, String unitId,
                                          List<UnitRef> unitPath, int setVersion, LocalDate effectiveFrom,
                                          Map<String, IndicatorRule> rules, SetShape shape, Actor actor) {
}
