package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;

/**
 * A status over a stretch of valid time: from {@code validFrom} until {@code validUntil} (exclusive; null:
 * open-ended).
 */
public record StatusStretch(IndicatorStatus status, LocalDate validFrom, LocalDate validUntil) {

    public static StatusStretch of(IndicatorStatus status, LocalDate validFrom, LocalDate validUntil) {
        return new StatusStretch(status, validFrom, validUntil);
    }
}
