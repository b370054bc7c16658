package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * An indicator's status for a unit changed (đạt met / chưa đạt not met / unknown). Emitted only on a change,
 * naming its cause: the measurement and the threshold that produced it.
 *
 * @param value             the measured value compared (a rate as a percentage)
 * @param threshold         the threshold it was compared with; null when no threshold is set yet
 * @param thresholdVerified false when the threshold is a placeholder not confirmed against the legal text
 * @param setVersion        the version of the criteria set whose threshold was applied
 */
public record IndicatorStatusChanged(String criteriaSetId, String criterionCode, String indicatorCode,
                                     String previousStatus, String status, BigDecimal value, String comparator,
                                     BigDecimal threshold, String unit, boolean thresholdVerified,
                                     String thresholdSource, String causeMeasurementId, int setVersion)
        implements IntegrationPayload {
}
