package vn.ntm.criteria.catalogue.api;

/** Which recognition a criteria set measures. */
public enum CriteriaSetLevel {
    /** xã NTM */
    COMMUNE,
    /** xã NTM nâng cao */
    ADVANCED_COMMUNE,
    /** xã NTM kiểu mẫu */
    MODEL_COMMUNE,
    /** thôn NTM */
    VILLAGE,
    /** thôn NTM kiểu mẫu */
    MODEL_VILLAGE
}
