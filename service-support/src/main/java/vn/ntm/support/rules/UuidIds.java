package vn.ntm.support.rules;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Makes, reads and accepts one kind of typed id that wraps a UUID ({@link Uuids}), so that each id record (plans,
 * recognitions, measurements …) keeps one of these instead of its own copy of the factories.
 *
 * @param wrap the id record's constructor
 */
public record UuidIds<T>(Function<String, T> wrap) {

    /** A new id, for something about to be created. */
    public T random() {
        return wrap.apply(UUID.randomUUID().toString());
    }

    /** The id a path or a stored row names; empty when it is not a UUID in its 36-character form. */
    public Optional<T> parse(String value) {
        return Uuids.parse(value).map(wrap);
    }

    /** The id a client chose in {@code field}, or a new one when it chose none ({@link Uuids#chosenOrNew}). */
    public T chosenOrNew(String requested, String field) {
        return wrap.apply(Uuids.chosenOrNew(requested, field));
    }
}
