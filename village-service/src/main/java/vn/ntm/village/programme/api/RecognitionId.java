package vn.ntm.village.programme.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.UUID;
import vn.ntm.support.rules.Uuids;

/** Identifies a recognition (a UUID); written as a plain string in JSON, in events and views alike. */
public record RecognitionId(String value) {

    @JsonCreator
    public RecognitionId {
        value = Uuids.canonical(value);
    }

    /** The id a client chose in {@code field}, or a new one when it chose none. */
    public static RecognitionId chosenOrNew(String requested, String field) {
        return new RecognitionId(Uuids.chosenOrNew(requested, field));
    }

    /** The id written as {@code value}; empty when it is not one. */
    public static Optional<RecognitionId> parse(String value) {
        return Uuids.parse(value).map(RecognitionId::new);
    }

    public static RecognitionId random() {
        return new RecognitionId(UUID.randomUUID().toString());
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
