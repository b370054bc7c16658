package vn.ntm.criteria.imports.command;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.support.rules.RuleViolation;

/**
 * The set a template or an import is for: published, in force on the date (the refusals quote its dates, as the
 * aggregate's do) and complete. The problem types are the form endpoint's.
 */
@Component
class ImportChecks {

    private final CriteriaCatalogue catalogue;

    ImportChecks(CriteriaCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** @param asInput true for the import (422 when unknown, as the form), false for a download (404) */
    CriteriaSetId publishedSet(String code, boolean asInput) {
        CriteriaSetDefinition set;
        try {
            set = catalogue.find(new CriteriaSetId(code)).orElse(null);
        } catch (RuleViolation e) {
            set = null;
        }
        if (set == null) {
            throw asInput ? RuleViolation.unknown("unknown-criteria-set", "criteriaSet", code)
                    : RuleViolation.notFound("criteria-set-not-found", code);
        }
        return new CriteriaSetId(set.code());
    }

    /** The set is in force on the date (the refusals quote its dates, as the aggregate's do). */
    static void checkInForce(RuleBook book, CriteriaSetId set, LocalDate on) {
        if (book.start() == null || on.isBefore(book.start())) {
            throw RuleViolation.invalid("before-set-in-force", "validOn", set.value(), book.start());
        }
        if (book.on(on).isEmpty()) {
            throw RuleViolation.invalid("after-set-superseded", "validOn", set.value(), book.end().minusDays(1));
        }
    }

    /** The version in force on the date, which must be complete to be measured against. */
    CriteriaSetDefinition versionOn(CriteriaSetId setId, LocalDate on) {
        CriteriaSetDefinition set = catalogue.inForceOn(setId, on)
                .orElseThrow(() -> RuleViolation.invalid("before-set-in-force", "validOn", setId.value(), on));
        if (set.skeleton()) {
            throw RuleViolation.invalid("criteria-set-is-skeleton", "criteriaSet", set.code());
        }
        return set;
    }
}
