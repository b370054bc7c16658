package vn.ntm.contracts;

/** A measurement was withdrawn; statuses fall back to the measurements that remain. */
public record MeasurementRetracted(String measurementId, String criteriaSetId, String indicatorCode, String reason)
        implements IntegrationPayload {
}
