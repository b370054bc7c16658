package vn.ntm.village.programme.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Stretches of valid time [from, until): {@code until} is the first date a stretch no longer holds, null when it is
 * open-ended. A timeline is a list of stretches that do not overlap; {@link #laid} says what it holds once a stretch
 * received is laid over it. Pure: no I/O.
 */
final class ValidTime {

    private ValidTime() {
    }

    /** A stretch of a timeline with its value; {@link #between} is the same value on other dates. */
    interface Stretch<S extends Stretch<S>> {

        LocalDate from();

        LocalDate until();

        /** When criteria-service recorded it: of two stretches for the same dates, the later recorded holds. */
        Instant recordedAt();

        S between(LocalDate from, LocalDate until);
    }

    /** Refuses a stretch without a start, or one that ends before it starts. */
    static void check(LocalDate from, LocalDate until) {
        if (from == null) {
            throw new IllegalArgumentException("A status stretch needs the date it holds from (validOn)");
        }
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("A status stretch ends (" + until + ") on or before it starts (" + from
                    + ")");
        }
    }

    /** Whether {@code date} comes before {@code until}; everything comes before an open end (null). */
    static boolean before(LocalDate date, LocalDate until) {
        return until == null || date.isBefore(until);
    }

    /** The earlier of two ends, null (open) counting as the latest. */
    static LocalDate earlierEnd(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * What the dates of {@code held} (the stretches that overlap {@code stretch}, by start) and of {@code stretch}
     * hold once {@code stretch} is laid over them: it replaces them on its dates, and those that reach beyond it keep
     * the dates outside it (cut at its edges) — except a stretch recorded after it (a stretch received late, such as a
     * dead letter replayed), which keeps all its dates.
     */
    static <S extends Stretch<S>> List<S> laid(S stretch, List<S> held) {
        List<S> result = new ArrayList<>();
        LocalDate next = stretch.from();
        for (S old : held) {
            if (old.recordedAt().isAfter(stretch.recordedAt())) {
                LocalDate start = later(old.from(), stretch.from());
                if (next != null && next.isBefore(start)) {
                    result.add(stretch.between(next, start));
                }
                result.add(old);
                LocalDate end = earlierEnd(old.until(), stretch.until());
                next = end == null || !before(end, stretch.until()) ? null : end;
                continue;
            }
            if (old.from().isBefore(stretch.from())) {
                result.add(old.between(old.from(), stretch.from()));
            }
            if (stretch.until() != null && before(stretch.until(), old.until())) {
                result.add(old.between(stretch.until(), old.until()));
            }
        }
        if (next != null) {
            result.add(stretch.between(next, stretch.until()));
        }
        return result;
    }
}
