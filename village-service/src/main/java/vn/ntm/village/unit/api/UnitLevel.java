package vn.ntm.village.unit.api;

/**
 * The tiers of Vietnamese local government, top down. The district tier (huyện) was abolished on 1 July 2025; from
 * then on a commune's parent is its province.
 */
public enum UnitLevel {
    /** tỉnh */
    PROVINCE,
    /** huyện */
    DISTRICT,
    /** xã */
    COMMUNE,
    /** thôn */
    VILLAGE;

    /** Whether a unit of this level may sit directly under a unit of {@code parent} level. */
    public boolean mayBelongTo(UnitLevel parent) {
        return switch (this) {
            case PROVINCE -> false;
            case DISTRICT -> parent == PROVINCE;
            case COMMUNE -> parent == PROVINCE || parent == DISTRICT;
            case VILLAGE -> parent == COMMUNE;
        };
    }
}
