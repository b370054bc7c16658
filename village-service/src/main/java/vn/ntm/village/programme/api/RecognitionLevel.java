package vn.ntm.village.programme.api;

/** The levels a unit can be recognised at (công nhận đạt chuẩn). */
public enum RecognitionLevel {
    /** đạt chuẩn nông thôn mới */
    STANDARD,
    /** nông thôn mới nâng cao */
    ADVANCED,
    /** nông thôn mới kiểu mẫu */
    MODEL
}
