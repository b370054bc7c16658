package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * A stretch of the unit's standing against the whole set changed: from {@code validFrom} until {@code validUntil}
 * (exclusive; null: open-ended) the set is {@code status} (met when every criterion is met), with the counts of those
 * dates — criteria met, of the total in set version {@code setVersion}, and which are not met. Revision 2 made the
 * status a timeline (see StatusEventUpcasters).
 */
@Revision("2")
public record CriteriaSetStatusChanged(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                       CriteriaSetId criteriaSetId, IndicatorStatus status, LocalDate validFrom,
                                       LocalDate validUntil, int criteriaMet, int criteriaTotal,
                                       List<String> criteriaNotMet, int setVersion, StatusCause cause, Actor actor) {
}
