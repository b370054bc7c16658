package vn.ntm.criteria.assessment.api;

/** Which indicator (chỉ tiêu) a status is about, and the criterion (tiêu chí) it belongs to in the set version. */
public record IndicatorRef(String criterionCode, String indicatorCode) {
}
