package vn.ntm.village.programme.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.UUID;
import vn.ntm.support.rules.Uuids;

/** Identifies a plan (a UUID); written as a plain string in JSON, in events and views alike. */
public record PlanId(String value) {

    @JsonCreator
    public PlanId {
        value = Uuids.canonical(value);
    }

    /** The id a client chose in {@code field}, or a new one when it chose none. */
    public static PlanId chosenOrNew(String requested, String field) {
        return new PlanId(Uuids.chosenOrNew(requested, field));
    }

    /** The id written as {@code value}; empty when it is not one. */
    public static Optional<PlanId> parse(String value) {
        return Uuids.parse(value).map(PlanId::new);
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
