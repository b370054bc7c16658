package vn.ntm.criteria.assessment.command;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A value over valid time that changes on some dates: each entry holds from its date until the next one's; none
 * before the first entry, and a null value is "none" too. What a status is — a function of the date — kept as the
 * dates it changes on.
 */
final class Timeline<V> {

    private final TreeMap<LocalDate, V> changes = new TreeMap<>();

    V on(LocalDate date) {
        Map.Entry<LocalDate, V> entry = changes.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    /** From {@code from} until {@code until} (null: for ever) the value is {@code value}; after that, as it was. */
    void put(LocalDate from, LocalDate until, V value) {
        V after = until == null ? null : on(until);
        changes.subMap(from, true, until == null ? LocalDate.MAX : until, false).clear();
        changes.put(from, value);
        if (until != null && !changes.containsKey(until)) {
            changes.put(until, after);
        }
        normalise();
    }

    /** Every date the value may change on. */
    NavigableSet<LocalDate> dates() {
        return new TreeSet<>(changes.keySet());
    }

    /** Drops entries that repeat the value before them (and leading nones), so equal timelines are equal maps. */
    private void normalise() {
        V previous = null;
        for (var it = changes.entrySet().iterator(); it.hasNext(); ) {
            V value = it.next().getValue();
            if (Objects.equals(value, previous)) {
                it.remove();
            } else {
                previous = value;
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Timeline<?> that && changes.equals(that.changes);
    }

    @Override
    public int hashCode() {
        return changes.hashCode();
    }

    @Override
    public String toString() {
        return changes.toString();
    }
}
