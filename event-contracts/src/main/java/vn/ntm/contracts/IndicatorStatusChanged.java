package vn.ntm.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stretch of an indicator's status timeline (valid time) changed for a unit: from the envelope's {@code validOn}
 * until {@code validUntil} (exclusive; null: open-ended) the indicator's status is {@code status} (đạt met / chưa đạt
 * not met / unknown), as judged from the measurement that governs those dates by the rule in force on them. Emitted
 * only for dates whose status or judgement changed; a stretch recorded later replaces, for its dates, whatever was
 * known of them before. Schema version 2; version 1 ({@link IndicatorStatusChangedV1}) said only "changed on
 * validOn".
 *
 * @param status                 UNKNOWN with a null {@code governingMeasurementId} when no measurement governs
 *                               these dates (none yet, or it was retracted)
 * @param value                  the measured value compared (a rate as a percentage)
 * @param threshold              the threshold it was compared with; null when no threshold is set yet
 * @param thresholdVerified      false when the threshold is a placeholder not confirmed against the legal text
 * @param governingMeasurementId the measurement judged on these dates
 * @param setVersion             the version of the criteria set in force on these dates, whose rule was applied
 * @param cause                  the fact that changed this stretch
 */
public record IndicatorStatusChanged(String criteriaSetId, String criterionCode, String indicatorCode,
                                     String status, LocalDate validUntil, BigDecimal value, String comparator,
                                     BigDecimal threshold, String unit, boolean thresholdVerified,
                                     String thresholdSource, String governingMeasurementId, int setVersion,
                                     StatusCause cause)
        implements IntegrationPayload {
}
