package vn.ntm.village.programme.web;

import java.util.List;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.unit.api.UnitId;

/** Reading the ids and lists of a request body. */
final class Ids {

    /** An item's id within a plan: target, roadmap item, task, reward rule. */
    static final String ITEM = "[A-Za-z0-9._-]{1,64}";

    private Ids() {
    }

    /** A unit a request body names in {@code field}; one that is not even an id is an unknown unit. */
    static UnitId unit(String id, String field) {
        try {
            return new UnitId(id);
        } catch (RuleViolation e) {
            throw RuleViolation.unknown("unknown-unit", field, id);
        }
    }

    static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
