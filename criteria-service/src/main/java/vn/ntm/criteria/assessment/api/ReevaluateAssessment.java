package vn.ntm.criteria.assessment.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;

/**
 * Judge the assessment again under {@code rules}: sent when a version of the set is published or a unit's
 * attributes change on a date, and once per assessment after an upgrade (its timelines derived again from its
 * facts). Publishes exactly the stretches that change; nothing when none does.
 */
public record ReevaluateAssessment(@TargetAggregateIdentifier AssessmentId assessmentId, String unitId,
                                   List<UnitRef> unitPath, RuleBook rules, Actor actor) {
}
