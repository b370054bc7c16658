package vn.ntm.criteria.assessment.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.UUID;

/**
 * One measurement of an indicator, as the officer's request made it: a UUID in its text form. Stored and sent as the
 * bare string (events and answers read as before the id was typed).
 */
public record MeasurementId(String value) {

    @JsonCreator
    public MeasurementId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a measurement id is not blank");
        }
    }

    /** A new id for a measurement about to be recorded. */
    public static MeasurementId random() {
        return new MeasurementId(UUID.randomUUID().toString());
    }

    /** The id a path or a stored row names, when it is one at all (a UUID); empty for any other text. */
    public static Optional<MeasurementId> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(new MeasurementId(UUID.fromString(text).toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The id as the tables store it (uuid columns). */
    public UUID uuid() {
        return UUID.fromString(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
