package vn.ntm.criteria.imports.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.catalogue.api.IndicatorKind;

/**
 * What a result read from a row says: written back as the preview shows it, and compared with the measurement that
 * governs the date (an UNCHANGED row records nothing). Pure.
 */
final class ResultValues {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ResultValues() {
    }

    /**
     * A value in the form the import reads back, as the preview shows it: {@code 1900/2150}, {@code 88,4%},
     * {@code 74,5}, {@code Đạt} (Vietnamese), or {@code 88.4%}, {@code 74.5}, {@code Met} (English).
     */
    static String written(MeasuredValue value, IndicatorKind kind, boolean english) {
        if (value == null) {
            return null;
        }
        if (value.passed() != null) {
            return english ? (value.passed() ? "Met" : "Not met") : (value.passed() ? "Đạt" : "Không đạt");
        }
        if (value.isCounts()) {
            return value.numerator() + "/" + value.denominator();
        }
        String number = value.value().stripTrailingZeros().toPlainString();
        if (!english) {
            number = number.replace('.', ',');
        }
        return kind == IndicatorKind.RATE ? number + "%" : number;
    }

    /**
     * Whether what was read says the same as the measurement that governs the date: the same counts, number or
     * pass/fail; a percentage equals governing counts when they give it at the precision written (88,4% and 88% both
     * say 1900/2150 again, so the counts stay) — but 100% says all, and only counts with nothing missing say that.
     */
    static boolean same(MeasuredValue read, MeasuredValue governing) {
        if (governing == null) {
            return false;
        }
        if (read.passed() != null) {
            return read.passed().equals(governing.passed());
        }
        if (read.isCounts()) {
            return governing.isCounts() && read.numerator().equals(governing.numerator())
                    && read.denominator().equals(governing.denominator());
        }
        if (governing.isCounts()) {
            if (read.value().compareTo(HUNDRED) == 0) {
                return governing.numerator().equals(governing.denominator()); // 100% says all, not nearly all
            }
            int scale = Math.max(read.value().scale(), 0);
            return governing.comparable().setScale(scale, RoundingMode.HALF_UP).compareTo(read.value()) == 0;
        }
        return governing.value() != null && governing.value().compareTo(read.value()) == 0;
    }
}
