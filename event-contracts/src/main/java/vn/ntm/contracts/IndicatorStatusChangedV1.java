package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * {@link IndicatorStatusChanged} as schema version 1 put it on the wire: "the status changed on the envelope's
 * validOn", with no end. Kept so that records already on Kafka stay readable (topics are kept and replayed);
 * consumers never see it, the codec hands them {@link #upcast()}: a stretch from validOn, open-ended, caused by a
 * {@link StatusCause#LEGACY} change — which is what version 1 meant to its readers.
 */
public record IndicatorStatusChangedV1(String criteriaSetId, String criterionCode, String indicatorCode,
                                       String previousStatus, String status, BigDecimal value, String comparator,
                                       BigDecimal threshold, String unit, boolean thresholdVerified,
                                       String thresholdSource, String causeMeasurementId, int setVersion)
        implements IntegrationPayload, OlderVersion {

    @Override
    public IndicatorStatusChanged upcast() {
        return new IndicatorStatusChanged(criteriaSetId, criterionCode, indicatorCode, status, null, value,
                comparator, threshold, unit, thresholdVerified, thresholdSource, causeMeasurementId, setVersion,
                new StatusCause(StatusCause.LEGACY, causeMeasurementId, indicatorCode, null));
    }
}
