package vn.ntm.reporting.exports.query;

import vn.ntm.support.rules.RuleViolation;

/** The formats a download comes in. */
final class Formats {

    private Formats() {
    }

    /** Whether {@code format} is XLSX (else CSV); any other format is refused as not found. */
    static boolean xlsx(String format) {
        if (!"xlsx".equals(format) && !"csv".equals(format)) {
            throw RuleViolation.notFound("unknown-export-format", format);
        }
        return format.equals("xlsx");
    }
}
