package vn.ntm.support.rules;

import java.util.Optional;
import java.util.UUID;

/** What the platform's typed ids (plans, recognitions, measurements …) share: a UUID in its 36-character text form. */
public final class Uuids {

    private Uuids() {
    }

    /** The id in canonical (lower-case) form; an {@link IllegalArgumentException} when it is not a UUID. */
    public static String canonical(String value) {
        if (value == null || value.length() != 36) {
            throw new IllegalArgumentException("not a UUID in its 36-character form: " + value);
        }
        return UUID.fromString(value).toString();
    }

    /** The id written as {@code value}; empty when it is not a UUID in its 36-character form. */
    public static Optional<String> parse(String value) {
        try {
            return Optional.of(canonical(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The UUID {@code value} names, for a uuid column; empty when it names none (no row can match it). */
    public static Optional<UUID> uuid(String value) {
        return parse(value).map(UUID::fromString);
    }

    /**
     * The id a client chose in {@code field} (a UUID, so its retries are safe), or a new one when it chose none;
     * {@code invalid-id} when it chose something else.
     */
    public static String chosenOrNew(String requested, String field) {
        if (requested == null || requested.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return parse(requested).orElseThrow(() -> RuleViolation.invalid("invalid-id", field, requested));
    }
}
