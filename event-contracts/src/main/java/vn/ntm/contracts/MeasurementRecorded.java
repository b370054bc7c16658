package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * A commune officer recorded a measurement of one indicator (chỉ tiêu) for a unit. Exactly one of
 * {@code value}, {@code numerator}/{@code denominator} or {@code passed} is set, by the indicator's kind.
 *
 * @param assessedBy the office that assessed a pass/fail indicator
 * @param setVersion the version of the criteria set the measurement was judged by
 */
public record MeasurementRecorded(String measurementId, String criteriaSetId, String indicatorCode,
                                  BigDecimal value, Long numerator, Long denominator, Boolean passed,
                                  String evidenceDocument, String evidenceLink, String evidenceNote,
                                  String assessedBy, int setVersion)
        implements IntegrationPayload {
}
