package vn.ntm.village.programme.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import vn.ntm.support.rules.RuleViolation;

/** Identifies a plan (a UUID); written as a plain string in JSON, in events and views alike. */
public record PlanId(String value) {

    @JsonCreator
    public PlanId {
        Objects.requireNonNull(value, "value");
        value = UUID.fromString(value).toString();
    }

    /** The id a client chose in {@code field} (a UUID, so its retries are safe), or a new one when it chose none. */
    public static PlanId chosenOrNew(String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return random();
        }
        return parse(requested).orElseThrow(() -> RuleViolation.invalid("invalid-id", field, requested));
    }

    /** The id written as {@code value}; empty when it is not a UUID in its 36-character form. */
    public static Optional<PlanId> parse(String value) {
        try {
            return value != null && value.length() == 36 ? Optional.of(new PlanId(value)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static PlanId random() {
        return new PlanId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** Axon uses {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
