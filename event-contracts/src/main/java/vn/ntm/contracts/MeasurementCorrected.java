package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * A measurement's value was corrected (the original stays in the history). The envelope's {@code validOn} is the
 * corrected measurement's own date. Exactly one of value, numerator/denominator or passed is set.
 */
public record MeasurementCorrected(String measurementId, String criteriaSetId, String indicatorCode,
                                   BigDecimal value, Long numerator, Long denominator, Boolean passed, String reason)
        implements IntegrationPayload {
}
