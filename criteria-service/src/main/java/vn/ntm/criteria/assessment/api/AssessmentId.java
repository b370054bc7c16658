package vn.ntm.criteria.assessment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;

/** One unit's assessment against one criteria set: {@code <unit id>/<set code>}. */
public record AssessmentId(@JsonValue String value) {

    @JsonCreator
    public AssessmentId {
        if (value == null || !value.contains("/")) {
            throw new IllegalArgumentException("not an assessment id: " + value);
        }
    }

    public static AssessmentId of(String unitId, CriteriaSetId set) {
        return new AssessmentId(unitId + "/" + set.value());
    }

    /** The unit the assessment is about. */
    public String unitId() {
        return value.substring(0, value.indexOf('/'));
    }

    @Override
    public String toString() {
        return value;
    }
}
