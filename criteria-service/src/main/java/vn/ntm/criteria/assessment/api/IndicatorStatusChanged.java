package vn.ntm.criteria.assessment.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * A stretch of an indicator's status timeline changed: from {@code validFrom} until {@code validUntil} (exclusive;
 * null: open-ended) its status is {@code status}, judged from {@code governingMeasurementId} by the threshold of set
 * version {@code setVersion}; UNKNOWN with no governing measurement when none governs those dates. Revision 3 made
 * the status a timeline (see StatusEventUpcasters); revision 2 added {@code setVersion}.
 */
@Revision("3")
public record IndicatorStatusChanged(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                     CriteriaSetId criteriaSetId, String criterionCode, String indicatorCode,
                                     IndicatorStatus status, LocalDate validFrom, LocalDate validUntil,
                                     BigDecimal comparedValue, Comparator comparator, BigDecimal threshold,
                                     String unit, boolean thresholdVerified, String thresholdSource,
                                     String governingMeasurementId, int setVersion, StatusCause cause,
                                     Actor actor) {
}
