package vn.ntm.bench;

/**
 * An indicator (chỉ tiêu) of the criteria set as criteria-service publishes it: what kind of value it takes.
 *
 * @param kind NUMBER, RATE, PASS_FAIL or MUST_BE_NONE
 * @param unit the unit of a number, e.g. "triệu đồng/người/năm" (income) or "m2/người"
 */
public record Indicator(String code, String kind, String unit) {
}
