package vn.ntm.criteria.assessment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import vn.ntm.support.rules.UuidIds;

/**
 * One measurement of an indicator, as the officer's request made it: a UUID in its text form. Stored and sent as the
 * bare string (events and answers read as before the id was typed).
 */
public record MeasurementId(@JsonValue String value) {

    /** New ids, and the id a path or a stored row names when it is one at all (a UUID). */
    public static final UuidIds<MeasurementId> IDS = new UuidIds<>(MeasurementId::new);

    @JsonCreator
    public MeasurementId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a measurement id is not blank");
        }
    }

    /** The id as the tables store it (uuid columns). */
    public UUID uuid() {
        return UUID.fromString(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
