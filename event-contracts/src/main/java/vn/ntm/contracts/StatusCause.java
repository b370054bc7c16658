package vn.ntm.contracts;

import java.time.LocalDate;

/**
 * The fact that made a stretch of a status timeline change.
 *
 * @param kind          {@code MEASUREMENT_RECORDED}, {@code MEASUREMENT_CORRECTED}, {@code MEASUREMENT_RETRACTED},
 *                      {@code RULES_CHANGED} (a set version published or taking effect, or a unit's region, commune
 *                      group or special status changed on a date), {@code TIMELINES_REBUILT} (an assessment's
 *                      timelines derived again from its facts, after the model changed), or {@code LEGACY} (a change
 *                      published before status timelines existed, schema version 1)
 * @param measurementId the measurement recorded, corrected or retracted; null for the other kinds
 * @param indicatorCode that measurement's indicator; null for the other kinds
 * @param validOn       that measurement's valid date, or the date the rules changed from
 */
public record StatusCause(String kind, String measurementId, String indicatorCode, LocalDate validOn) {

    public static final String MEASUREMENT_RECORDED = "MEASUREMENT_RECORDED";
    public static final String MEASUREMENT_CORRECTED = "MEASUREMENT_CORRECTED";
    public static final String MEASUREMENT_RETRACTED = "MEASUREMENT_RETRACTED";
    public static final String RULES_CHANGED = "RULES_CHANGED";
    public static final String TIMELINES_REBUILT = "TIMELINES_REBUILT";
    public static final String LEGACY = "LEGACY";
}
