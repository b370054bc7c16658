package vn.ntm.criteria.assessment.api;

/** Where a unit stands on one indicator. */
public enum IndicatorStatus {
    /** đạt */
    MET,
    /** chưa đạt */
    NOT_MET,
    /** no measurement yet, or no threshold known for the unit's context */
    UNKNOWN
}
