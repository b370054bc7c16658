package vn.ntm.criteria.assessment.command;

import java.time.LocalDate;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;

/**
 * A measurement as an assessment keeps it: its latest value and whether it still counts.
 *
 * @param order the order it was recorded in: of two valid on the same date, the later recorded governs
 */
record Measurement(MeasurementId id, String indicatorCode, LocalDate validOn, MeasuredValue value, int order,
                   boolean retracted) {

    Measurement correctedTo(MeasuredValue corrected) {
        return new Measurement(id, indicatorCode, validOn, corrected, order, retracted);
    }

    Measurement withdrawn() {
        return new Measurement(id, indicatorCode, validOn, value, order, true);
    }
}
