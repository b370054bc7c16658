package vn.ntm.village.unit.api;

/**
 * Statuses that change which thresholds apply to a commune. Under the 2021–2025 sets such communes use the
 * Northern Midlands and Mountains (TDMNPB) thresholds whatever their region (research extract, verified).
 */
public enum SpecialStatus {
    /** xã đặc biệt khó khăn */
    ESPECIALLY_DISADVANTAGED,
    /** xã an toàn khu thuộc huyện nghèo hoặc huyện vừa thoát nghèo */
    SAFE_ZONE_IN_POOR_DISTRICT
}
