package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * A commune officer recorded a measurement of one indicator (chỉ tiêu) for a unit. Exactly one of
 * {@code value}, {@code numerator}/{@code denominator} or {@code passed} is set, by the indicator's kind.
 */
public record MeasurementRecorded(String measurementId, String criteriaSetId, String indicatorCode,
                                  BigDecimal value, Long numerator, Long denominator, Boolean passed,
                                  String evidenceDocument, String evidenceLink, String evidenceNote)
        implements IntegrationPayload {
}
