package vn.ntm.criteria.assessment.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * An indicator's status for a unit changed; the cause is the measurement and the threshold (of set version
 * {@code setVersion}) named here. Revision 2 added {@code setVersion} (see IndicatorStatusChangedUpcaster).
 */
@Revision("2")
public record IndicatorStatusChanged(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                     CriteriaSetId criteriaSetId, String criterionCode, String indicatorCode,
                                     IndicatorStatus previousStatus, IndicatorStatus status, BigDecimal comparedValue,
                                     Comparator comparator, BigDecimal threshold, String unit,
                                     boolean thresholdVerified, String thresholdSource, String causeMeasurementId,
                                     LocalDate validOn, Actor actor, int setVersion) {
}
