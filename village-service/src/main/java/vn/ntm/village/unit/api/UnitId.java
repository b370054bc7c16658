package vn.ntm.village.unit.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;
import vn.ntm.support.rules.RuleViolation;

/**
 * Identifies an administrative unit for its whole life, across renames, moves and mergers; written as a plain string
 * in JSON, in events and views alike.
 */
public record UnitId(@JsonValue String value) {

    @JsonCreator
    public UnitId {
        Objects.requireNonNull(value, "value");
        try {
            value = UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("invalid-unit-id", "id", value);
        }
    }

    /** The id as a UUID, as the tables' {@code uuid} columns take it. */
    public UUID uuid() {
        return UUID.fromString(value);
    }

    public static UnitId random() {
        return new UnitId(UUID.randomUUID().toString());
    }

    /** Axon uses {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
