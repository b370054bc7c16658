package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import vn.ntm.contracts.Actor;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * The rules that judge the assessment changed from {@code changedFrom}: a version of the set was published (for any
 * date, past or future), or the unit's region, commune group or special status changed on a date. The rules
 * themselves come with every command; the event keeps their digest (to know when they change again) and the
 * periods, so the history says which version governed which dates.
 */
public record AssessmentRulesChanged(AssessmentId assessmentId, CriteriaSetId criteriaSetId, String rulesDigest,
                                     List<PeriodSummary> periods, LocalDate changedFrom, Actor actor) {

    /** @param until exclusive; null while the set is in force */
    public record PeriodSummary(LocalDate from, LocalDate until, int setVersion) {
    }
}
