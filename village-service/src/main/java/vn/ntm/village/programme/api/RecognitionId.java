package vn.ntm.village.programme.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import vn.ntm.support.rules.UuidIds;
import vn.ntm.support.rules.Uuids;

/** Identifies a recognition (a UUID); written as a plain string in JSON, in events and views alike. */
public record RecognitionId(@JsonValue String value) {

    /** New, parsed and client-chosen recognition ids. */
    public static final UuidIds<RecognitionId> IDS = new UuidIds<>(RecognitionId::new);

    @JsonCreator
    public RecognitionId {
        value = Uuids.canonical(value);
    }

    /** Axon uses {@code toString()} as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
