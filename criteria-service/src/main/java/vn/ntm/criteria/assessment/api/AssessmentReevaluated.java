package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.Map;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/** From {@code effectiveFrom} the assessment is judged by version {@code setVersion}'s rules. */
public record AssessmentReevaluated(AssessmentId assessmentId, CriteriaSetId criteriaSetId, int setVersion,
                                    LocalDate effectiveFrom, Map<String, IndicatorRule> rules, Actor actor) {
}
