package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/**
 * A measurement form (biểu mẫu): several indicators of one unit and one set, all valid on one date, recorded all
 * together or not at all. Each item becomes the {@link MeasurementRecorded} a {@link RecordMeasurement} of
 * its own would have recorded.
 *
 * @param unitPath the unit's path as criteria-service knows it, carried into the events for consumers
 * @param items    in the order of the form, which problem details refer to ({@code items[i]})
 * @param rules    the set's rules for this unit over valid time
 */
public record RecordMeasurements(@TargetAggregateIdentifier AssessmentId assessmentId, String unitId,
                                 List<UnitRef> unitPath, CriteriaSetId criteriaSetId, LocalDate validOn,
                                 List<Item> items, RuleBook rules, Actor actor) {

    /** One indicator of the form; {@code evidence} is the form's with the item's own fields over it. */
    public record Item(MeasurementId measurementId, String indicatorCode, MeasuredValue value, Evidence evidence) {
    }

    public RecordMeasurements {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A form records at least one measurement");
        }
    }
}
