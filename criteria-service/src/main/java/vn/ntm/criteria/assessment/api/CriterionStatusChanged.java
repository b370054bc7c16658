package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * A stretch of a criterion's (tiêu chí) status timeline changed: from {@code validFrom} until {@code validUntil}
 * (exclusive; null: open-ended) it is {@code status}, rolled up from its indicators on those dates. Revision 2 made
 * the status a timeline (see StatusEventUpcasters).
 */
@Revision("2")
public record CriterionStatusChanged(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                     CriteriaSetId criteriaSetId, String criterionCode, IndicatorStatus status,
                                     LocalDate validFrom, LocalDate validUntil, int setVersion, StatusCause cause,
                                     Actor actor) {
}
