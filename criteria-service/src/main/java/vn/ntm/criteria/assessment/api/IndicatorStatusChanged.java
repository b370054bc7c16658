package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * A stretch of an indicator's status timeline changed: the {@code indicator}'s status is {@code stretch.status()}
 * over {@code stretch}, as the {@code judgement} found it, because of {@code cause}; UNKNOWN with
 * {@link Judgement#none} when no measurement governs those dates. Revision 4 grouped the indicator, the stretch and
 * the judgement (see StatusEventUpcasters); revision 3 made the status a timeline; revision 2 added the set version.
 */
@Revision("4")
public record IndicatorStatusChanged(AssessmentId assessmentId, String unitId, List<UnitRef> unitPath,
                                     CriteriaSetId criteriaSetId, IndicatorRef indicator, StatusStretch stretch,
                                     Judgement judgement, StatusCause cause, Actor actor) {

    public String indicatorCode() {
        return indicator.indicatorCode();
    }

    public IndicatorStatus status() {
        return stretch.status();
    }

    public LocalDate validFrom() {
        return stretch.validFrom();
    }

    public LocalDate validUntil() {
        return stretch.validUntil();
    }

    public int setVersion() {
        return judgement.setVersion();
    }

    /** The measurement that governs the stretch's dates; null when none does. */
    public MeasurementId governingMeasurementId() {
        return judgement.governingMeasurementId();
    }
}
