package vn.ntm.criteria.assessment.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.api.SetShape;
import vn.ntm.criteria.catalogue.api.Comparator;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.IndicatorKind;

/**
 * Rule books for the assessment's tests. Test values, not legal thresholds: criterion C1 has a rate I1 (≥ 80% in
 * version 1, ≥ 90% in version 2) and a number I2 (≥ 10); criterion C2 a pass/fail I3 (dropped by version 2, which
 * adds the "must be none" count I4 to C2).
 */
final class Books {

    static final CriteriaSetId SET = new CriteriaSetId("TEST-SET");
    static final LocalDate V1_FROM = LocalDate.of(2024, 1, 1);
    static final LocalDate V2_FROM = LocalDate.of(2025, 1, 1);

    private Books() {
    }

    static IndicatorRule rule(String criterion, String code, IndicatorKind kind, Comparator comparator,
                              String threshold, int version, LocalDate from, LocalDate to) {
        return new IndicatorRule(SET, criterion, code, kind, comparator, kind == IndicatorKind.RATE ? "%" : null,
                threshold == null ? null : new BigDecimal(threshold), version == 1, "test v" + version, from, to,
                version);
    }

    static RuleBook.Period version1(LocalDate from, LocalDate until, String rateThreshold) {
        LocalDate to = until == null ? null : until.minusDays(1);
        Map<String, IndicatorRule> rules = new LinkedHashMap<>();
        rules.put("I1", rule("C1", "I1", IndicatorKind.RATE, Comparator.GE, rateThreshold, 1, V1_FROM, to));
        rules.put("I2", rule("C1", "I2", IndicatorKind.NUMBER, Comparator.GE, "10", 1, V1_FROM, to));
        rules.put("I3", rule("C2", "I3", IndicatorKind.PASS_FAIL, null, null, 1, V1_FROM, to));
        Map<String, List<String>> shape = new LinkedHashMap<>();
        shape.put("C1", List.of("I1", "I2"));
        shape.put("C2", List.of("I3"));
        return new RuleBook.Period(from, until, 1, new SetShape(shape), rules);
    }

    static RuleBook.Period version2(LocalDate from) {
        Map<String, IndicatorRule> rules = new LinkedHashMap<>();
        rules.put("I1", rule("C1", "I1", IndicatorKind.RATE, Comparator.GE, "90", 2, V2_FROM, null));
        rules.put("I2", rule("C1", "I2", IndicatorKind.NUMBER, Comparator.GE, "10", 2, V2_FROM, null));
        rules.put("I4", rule("C2", "I4", IndicatorKind.MUST_BE_NONE, null, "0", 2, V2_FROM, null));
        Map<String, List<String>> shape = new LinkedHashMap<>();
        shape.put("C1", List.of("I1", "I2"));
        shape.put("C2", List.of("I4"));
        return new RuleBook.Period(from, null, 2, new SetShape(shape), rules);
    }

    /** Version 1 alone, in force from 2024-01-01. */
    static RuleBook oneVersion() {
        return RuleBook.of(version1(V1_FROM, null, "80"));
    }

    /** Version 1 from 2024-01-01, version 2 from 2025-01-01. */
    static RuleBook twoVersions() {
        return RuleBook.of(version1(V1_FROM, V2_FROM, "80"), version2(V2_FROM));
    }

    /** Version 1 alone, the unit's context changing on {@code on} so that I1's threshold becomes 70%. */
    static RuleBook contextChangingOn(LocalDate on) {
        return RuleBook.of(version1(V1_FROM, on, "80"), version1(on, null, "70"));
    }
}
