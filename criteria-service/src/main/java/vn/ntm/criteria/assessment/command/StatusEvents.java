package vn.ntm.criteria.assessment.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.IndicatorRef;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.Judgement;
import vn.ntm.criteria.assessment.api.StatusStretch;
import vn.ntm.criteria.assessment.command.StatusTimelines.Change;
import vn.ntm.criteria.assessment.command.StatusTimelines.CriterionJudgement;
import vn.ntm.criteria.assessment.command.StatusTimelines.IndicatorJudgement;
import vn.ntm.criteria.assessment.command.StatusTimelines.SetJudgement;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * The events that publish one assessment's changed stretches: indicators first, then criteria, then the set, each
 * naming its cause. Pure: the aggregate applies what this returns.
 */
record StatusEvents(AssessmentId id, String unitId, List<UnitRef> unitPath, CriteriaSetId criteriaSetId,
                    Actor actor) {

    List<Object> of(StatusTimelines.Changes changes, Function<String, StatusCause> causeOfIndicator,
                    StatusCause causeOfRollUps) {
        List<Object> events = new ArrayList<>();
        for (Change<IndicatorJudgement> change : changes.indicators()) {
            IndicatorJudgement j = change.judgement();
            events.add(new IndicatorStatusChanged(id, unitId, unitPath, criteriaSetId,
                    new IndicatorRef(change.criterionCode(), change.code()),
                    StatusStretch.of(j == null ? IndicatorStatus.UNKNOWN : j.status(), change.from(), change.until()),
                    j == null ? Judgement.none(change.setVersion()) : j.judgement(),
                    causeOfIndicator.apply(change.code()), actor));
        }
        for (Change<CriterionJudgement> change : changes.criteria()) {
            events.add(new CriterionStatusChanged(id, unitId, unitPath, criteriaSetId, change.code(),
                    change.judgement().status(), change.from(), change.until(), change.judgement().setVersion(),
                    causeOfRollUps, actor));
        }
        for (Change<SetJudgement> change : changes.set()) {
            SetJudgement j = change.judgement();
            events.add(new CriteriaSetStatusChanged(id, unitId, unitPath, criteriaSetId, j.status(), change.from(),
                    change.until(), j.met(), j.total(), j.notMet(), j.setVersion(), causeOfRollUps, actor));
        }
        return events;
    }
}
