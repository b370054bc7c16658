package vn.ntm.criteria.assessment.command;

import java.math.BigDecimal;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.catalogue.api.IndicatorKind;
import vn.ntm.support.rules.RuleViolation;

/** Judges one measurement against its indicator's rule. Pure: no time, no I/O. */
final class IndicatorEvaluation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private IndicatorEvaluation() {
    }

    /** Refuses a pass/fail assessment that names no assessing office. */
    static void checkAssessedByAnOffice(IndicatorRule rule, vn.ntm.criteria.assessment.api.Evidence evidence) {
        if (rule.kind() == IndicatorKind.PASS_FAIL && (evidence == null || evidence.office() == null
                || evidence.office().isBlank())) {
            throw RuleViolation.invalid("office-required", "evidence.office", rule.indicatorCode());
        }
    }

    /** Refuses a value whose form does not fit the indicator's kind. */
    static void checkFits(IndicatorRule rule, MeasuredValue value) {
        IndicatorKind kind = rule.kind();
        boolean fits = switch (kind) {
            case PASS_FAIL -> value.passed() != null;
            case NUMBER -> value.value() != null;
            case RATE -> value.isCounts() || value.value() != null;
            case MUST_BE_NONE -> value.value() != null && value.value().stripTrailingZeros().scale() <= 0;
        };
        if (!fits) {
            throw RuleViolation.invalid("value-does-not-fit-indicator", "value", rule.indicatorCode(), kind);
        }
        if (kind == IndicatorKind.RATE && !value.isCounts() && value.value().compareTo(HUNDRED) > 0) {
            throw RuleViolation.invalid("percent-above-100", "value", value.value());
        }
    }

    /**
     * The status a value has under a rule; unknown when the value does not fit the rule's kind (a later version
     * changed the indicator's kind: its old measurements say nothing under the new rule).
     */
    static IndicatorStatus evaluate(IndicatorRule rule, MeasuredValue value) {
        try {
            checkFits(rule, value);
        } catch (RuleViolation doesNotFit) {
            return IndicatorStatus.UNKNOWN;
        }
        return switch (rule.kind()) {
            case PASS_FAIL -> value.passed() ? IndicatorStatus.MET : IndicatorStatus.NOT_MET;
            case MUST_BE_NONE -> value.value().signum() == 0 ? IndicatorStatus.MET : IndicatorStatus.NOT_MET;
            case NUMBER, RATE -> rule.threshold() == null ? IndicatorStatus.UNKNOWN
                    : rule.comparator().holds(value.comparable(), rule.threshold()) ? IndicatorStatus.MET
                    : IndicatorStatus.NOT_MET;
        };
    }
}
