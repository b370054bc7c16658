package vn.ntm.contracts;

import java.time.LocalDate;

/**
 * A stretch of a criterion's (tiêu chí) status timeline changed for a unit: from the envelope's {@code validOn} until
 * {@code validUntil} (exclusive; null: open-ended) it is {@code status} — met when all its indicators are met on
 * those dates, not met as soon as one is not. Schema version 2; see {@link IndicatorStatusChanged} for the rules.
 */
public record CriterionStatusChanged(String criteriaSetId, String criterionCode, String status, LocalDate validUntil,
                                     int setVersion, StatusCause cause)
        implements IntegrationPayload {
}
