package vn.ntm.contracts;

import java.time.LocalDate;
import java.util.List;

/**
 * A stretch of a unit's standing against a whole criteria set changed: from the envelope's {@code validOn} until
 * {@code validUntil} (exclusive; null: open-ended) the set is {@code status} (met when every criterion is met) with
 * {@code criteriaMet} of {@code criteriaTotal} criteria met and {@code criteriaNotMet} not met (unknown ones are
 * neither) — all as of those dates, by the set version in force on them. Schema version 2; see
 * {@link IndicatorStatusChanged} for the rules.
 */
public record CriteriaSetStatusChanged(String criteriaSetId, String status, LocalDate validUntil, int criteriaMet,
                                       int criteriaTotal, List<String> criteriaNotMet, int setVersion,
                                       StatusCause cause)
        implements IntegrationPayload {

    public CriteriaSetStatusChanged {
        criteriaNotMet = criteriaNotMet == null ? List.of() : List.copyOf(criteriaNotMet);
    }
}
