package vn.ntm.criteria.catalogue.api;

/** How an indicator (chỉ tiêu) is measured and judged. */
public enum IndicatorKind {
    /** A number compared with a threshold, in the indicator's unit (e.g. income in million VND per person). */
    NUMBER,
    /** A share, recorded as numerator and denominator (households, people, km, ha) or as a percentage. */
    RATE,
    /** Đạt / không đạt, assessed by a competent office. */
    PASS_FAIL,
    /** A count that must be zero (e.g. temporary houses). */
    MUST_BE_NONE
}
