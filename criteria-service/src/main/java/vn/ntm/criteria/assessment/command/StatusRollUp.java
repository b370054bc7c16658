package vn.ntm.criteria.assessment.command;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.RuleBook;

/**
 * How statuses roll up on one date, under the set version in force then: a criterion (tiêu chí) from its indicators
 * (chỉ tiêu), the set from its criteria with the counts of that date. Pure: the statuses of the parts come in as a
 * function, so {@link StatusTimelines} applies it on every date a part changes and a table tests it
 * ({@code StatusRollUpTest}).
 */
final class StatusRollUp {

    private StatusRollUp() {
    }

    /** Met when all parts are met; not met as soon as one is not; otherwise unknown (also when there are no parts). */
    static IndicatorStatus of(List<IndicatorStatus> parts) {
        if (parts.isEmpty()) {
            return IndicatorStatus.UNKNOWN;
        }
        if (parts.contains(IndicatorStatus.NOT_MET)) {
            return IndicatorStatus.NOT_MET;
        }
        return parts.stream().allMatch(s -> s == IndicatorStatus.MET) ? IndicatorStatus.MET : IndicatorStatus.UNKNOWN;
    }

    /**
     * A criterion's status in a period from its indicators' ({@code indicatorStatus}: UNKNOWN for an indicator no
     * measurement governs); null when the criterion is not part of the period's version.
     */
    static StatusTimelines.CriterionJudgement criterion(RuleBook.Period period, String criterion,
                                                       Function<String, IndicatorStatus> indicatorStatus) {
        List<String> indicators = period.shape().indicatorsByCriterion().get(criterion);
        if (indicators == null) {
            return null;
        }
        return new StatusTimelines.CriterionJudgement(of(indicators.stream().map(indicatorStatus).toList()),
                period.setVersion());
    }

    /** The set's status in a period from its criteria's, with how many are met of all and which are not met. */
    static StatusTimelines.SetJudgement set(RuleBook.Period period, Function<String, IndicatorStatus> criterionStatus) {
        List<String> codes = List.copyOf(period.shape().indicatorsByCriterion().keySet());
        List<IndicatorStatus> statuses = codes.stream().map(criterionStatus).toList();
        List<String> notMet = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (statuses.get(i) == IndicatorStatus.NOT_MET) {
                notMet.add(codes.get(i));
            }
        }
        int met = (int) statuses.stream().filter(s -> s == IndicatorStatus.MET).count();
        return new StatusTimelines.SetJudgement(of(statuses), met, codes.size(), notMet, period.setVersion());
    }
}
