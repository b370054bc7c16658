package vn.ntm.criteria.assessment.api;

import java.math.BigDecimal;
import java.math.MathContext;
import vn.ntm.support.rules.RuleViolation;

/**
 * What was measured, in exactly one form: a number, a count pair for a rate (numerator of denominator), or a
 * pass/fail assessment. Rules that hold whatever the indicator are checked here; the indicator's kind is checked
 * when the measurement meets its indicator.
 */
public record MeasuredValue(BigDecimal value, Long numerator, Long denominator, Boolean passed) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public MeasuredValue {
        int forms = (value != null ? 1 : 0) + (numerator != null || denominator != null ? 1 : 0) + (passed != null ? 1 : 0);
        if (forms != 1) {
            throw RuleViolation.invalid("one-value-form", "value");
        }
        if (value != null && value.signum() < 0) {
            throw RuleViolation.invalid("negative-value", "value", value);
        }
        if (numerator != null || denominator != null) {
            if (numerator == null || denominator == null) {
                throw RuleViolation.invalid("rate-needs-both-counts", numerator == null ? "numerator" : "denominator");
            }
            if (numerator < 0) {
                throw RuleViolation.invalid("negative-value", "numerator", numerator);
            }
            if (denominator <= 0) {
                throw RuleViolation.invalid("denominator-not-positive", "denominator", denominator);
            }
            if (numerator > denominator) {
                throw RuleViolation.invalid("numerator-above-denominator", "numerator", numerator, denominator);
            }
        }
    }

    /** Equal for the same measurement however it was typed (100 and 100.0 are one value). */
    public String fingerprint() {
        if (isCounts()) {
            return numerator + "/" + denominator;
        }
        return value != null ? value.stripTrailingZeros().toPlainString() : String.valueOf(passed);
    }

    public boolean isCounts() {
        return numerator != null;
    }

    /** The number compared with a threshold: the value, or the rate as a percentage. Null for pass/fail. */
    public BigDecimal comparable() {
        if (isCounts()) {
            return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                    .divide(BigDecimal.valueOf(denominator), MathContext.DECIMAL64);
        }
        return value;
    }
}
