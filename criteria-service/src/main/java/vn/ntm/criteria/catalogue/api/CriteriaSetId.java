package vn.ntm.criteria.catalogue.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.ntm.support.rules.RuleViolation;

/** A criteria set's code, e.g. {@code VN-XA-NTM-2021-2025}: one catalogue across its versions. */
public record CriteriaSetId(@JsonValue String value) {

    @JsonCreator
    public CriteriaSetId {
        if (value == null || !value.matches("[A-Z0-9][A-Z0-9-]{1,63}")) {
            throw RuleViolation.invalid("invalid-criteria-set-code", "code", value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
