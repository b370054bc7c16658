package vn.ntm.criteria.assessment.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.IndicatorKind;

/**
 * An indicator as it applies to one unit on one date: resolved from the catalogue and the unit's context before
 * the command is sent, so the aggregate judges with exactly the threshold the event will name as the cause.
 *
 * @param threshold  null when no threshold is known for the unit's context (the status is then unknown)
 * @param setVersion the version of the criteria set the rule comes from
 */
public record IndicatorRule(CriteriaSetId criteriaSetId, String criterionCode, String indicatorCode,
                            IndicatorKind kind, Comparator comparator, String unit, BigDecimal threshold,
                            boolean thresholdVerified, String thresholdSource, LocalDate setEffectiveFrom,
                            LocalDate setEffectiveTo, int setVersion) {
}
