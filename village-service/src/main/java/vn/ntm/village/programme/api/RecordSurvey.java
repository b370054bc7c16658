package vn.ntm.village.programme.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.village.unit.api.UnitId;

/** The Fatherland Front's satisfaction survey, village by village. */
public record RecordSurvey(@TargetAggregateIdentifier RecognitionId recognitionId, LocalDate on, String by,
                           boolean passed, String note, List<Village> villages, Actor actor) {

    public record Village(UnitId unitId, int householdsSurveyed, int householdsSatisfied) {
    }
}
