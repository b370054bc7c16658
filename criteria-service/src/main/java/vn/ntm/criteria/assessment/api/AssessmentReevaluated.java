package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.Map;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * From {@code effectiveFrom} the assessment was judged by version {@code setVersion}'s rules. Stored before status
 * timelines existed and still read from the event store; no longer applied: {@link AssessmentRulesChanged} replaced it.
 */
public record AssessmentReevaluated(AssessmentId assessmentId, CriteriaSetId criteriaSetId, int setVersion,
                                    LocalDate effectiveFrom, Map<String, IndicatorRule> rules, Actor actor) {
}
