package vn.ntm.criteria.assessment.command;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.support.rules.RuleViolation;

/**
 * What a measurement must satisfy before an assessment records it: a date that is not in the future (in Vietnam:
 * the clock is the service's shared one, zone Asia/Ho_Chi_Minh) and on which the set is in force, an indicator of
 * the version of that date, a value that fits it, and not a repeat of what already governs the date. Pure; the
 * aggregate calls these before it applies anything.
 */
final class RecordingRules {

    private RecordingRules() {
    }

    /** A measurement's date is not in the future, and the set is in force on it (refusals quote the set's dates). */
    static void checkDate(RuleBook rules, CriteriaSetId set, LocalDate validOn, Clock clock) {
        if (validOn.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validOn", validOn);
        }
        if (rules.start() == null || validOn.isBefore(rules.start())) {
            throw RuleViolation.invalid("before-set-in-force", "validOn", set, rules.start());
        }
        if (rules.on(validOn).isEmpty()) {
            throw RuleViolation.invalid("after-set-superseded", "validOn", set, rules.end().minusDays(1));
        }
    }

    /** The rule an indicator has on a date the set is in force: the indicator belongs to the version of that date. */
    static IndicatorRule ruleOn(RuleBook rules, CriteriaSetId set, String indicatorCode, LocalDate validOn) {
        IndicatorRule rule = rules.on(validOn).orElseThrow().rules().get(indicatorCode);
        if (rule == null) {
            throw RuleViolation.unknown("unknown-indicator", "indicatorCode", indicatorCode, set);
        }
        return rule;
    }

    /**
     * The value fits its indicator, a pass/fail names its office, and it is not what already governs its date: the
     * latest recorded (not retracted) measurement of the indicator on that date says the same (a resent request). A
     * value some earlier measurement of that date had is recorded: it governs the date again.
     */
    static void checkRecordable(IndicatorRule rule, LocalDate validOn, MeasuredValue value, Evidence evidence,
                                Collection<Measurement> measurements) {
        IndicatorEvaluation.checkFits(rule, value);
        IndicatorEvaluation.checkAssessedByAnOffice(rule, evidence);
        String fingerprint = fingerprint(rule.indicatorCode(), validOn, value);
        Measurement governing = null;
        for (Measurement m : measurements) { // in the order recorded
            if (!m.retracted() && m.indicatorCode().equals(rule.indicatorCode()) && m.validOn().equals(validOn)) {
                governing = m;
            }
        }
        if (governing != null
                && fingerprint(governing.indicatorCode(), governing.validOn(), governing.value()).equals(fingerprint)) {
            throw RuleViolation.conflict("duplicate-measurement", "value", rule.indicatorCode(), validOn);
        }
    }

    /** Equal for the same indicator, date and value however typed: what makes a measurement a duplicate. */
    private static String fingerprint(String indicatorCode, LocalDate validOn, MeasuredValue value) {
        return indicatorCode + "|" + validOn + "|" + value.fingerprint();
    }
}
