package vn.ntm.criteria.assessment.api;

import java.math.BigDecimal;
import vn.ntm.criteria.catalogue.api.Comparator;

/**
 * What an indicator's status was judged from: the value of the governing measurement compared with the threshold of
 * set version {@code setVersion} ({@code comparedValue comparator threshold unit}), with the threshold's provenance.
 * {@link #none} when no measurement governs the dates: then only the version is known.
 *
 * @param comparedValue the number compared (a rate's percentage); null for a pass/fail indicator
 */
public record Judgement(MeasurementId governingMeasurementId, BigDecimal comparedValue, Comparator comparator,
                        BigDecimal threshold, String unit, boolean thresholdVerified, String thresholdSource,
                        int setVersion) {

    /** Numbers without trailing zeros, so a judgement read back from the store equals the one derived again. */
    public Judgement {
        comparedValue = comparedValue == null ? null : comparedValue.stripTrailingZeros();
        threshold = threshold == null ? null : threshold.stripTrailingZeros();
    }

    /** No measurement governs: the status is UNKNOWN under set version {@code setVersion}. */
    public static Judgement none(int setVersion) {
        return new Judgement(null, null, null, null, null, false, null, setVersion);
    }
}
