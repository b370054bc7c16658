package vn.ntm.village.programme.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.ntm.support.rules.UuidIds;
import vn.ntm.support.rules.Uuids;

/** Identifies a plan (a UUID); written as a plain string in JSON, in events and views alike. */
public record PlanId(@JsonValue String value) {

    /** New, parsed and client-chosen plan ids. */
    public static final UuidIds<PlanId> IDS = new UuidIds<>(PlanId::new);

    @JsonCreator
    public PlanId {
        value = Uuids.canonical(value);
    }

    /** Axon uses {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
