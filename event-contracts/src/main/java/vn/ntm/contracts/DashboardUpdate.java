package vn.ntm.contracts;

import java.math.BigDecimal;

/**
 * What a province dashboard needs to refresh one cell, published by reporting-service on {@code ntm.dashboard} (and
 * its server-sent-events feed) once the change is in its read models. The envelope's {@code eventId} is derived
 * from {@code sourceEventId}, so a dashboard can drop a repeat.
 *
 * @param kind   UNIT, MEASUREMENT, INDICATOR, CRITERION or SET
 * @param code   the indicator or criterion code (null for UNIT and SET)
 * @param status MET, NOT_MET or UNKNOWN where the kind has one
 */
public record DashboardUpdate(String kind, String criteriaSetId, String code, String status, BigDecimal value,
                              String unitName, String sourceEventType, String sourceEventId)
        implements IntegrationPayload {
}
