package vn.ntm.village.unit.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.command.UnitDirectory;
import vn.ntm.village.unit.command.UnitLookup;

/**
 * The register's read side: units in their latest version or as on a date, with their path, units and predecessors.
 * It reads the command side's register ({@link UnitDirectory}), which is kept in the events' transaction.
 */
@Component
public class UnitQueries {

    private final UnitDirectory directory;
    private final Clock clock;

    UnitQueries(UnitDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The unit a request path names; 404 {@code unit-not-found} when there is none (or the id is not a UUID). */
    public UnitId existing(String id) {
        return directory.existing(id);
    }

    /** The unit in its latest version. */
    public UnitLookup.Entry latest(UnitId id) {
        return directory.find(id).orElseThrow();
    }

    /** Every unit ever registered in its latest version; with {@code on}, the tree as it stood that day. */
    public List<UnitLookup.Entry> all(LocalDate on) {
        return on == null ? directory.all() : directory.treeOn(on);
    }

    /** The unit as it stood on a date, with that day's path. */
    public UnitLookup.Entry onDate(UnitId id, LocalDate on) {
        return directory.findWithPathOn(id, on).orElseThrow();
    }

    /** Every version of the unit, oldest first. */
    public List<UnitLookup.Entry> versions(String id) {
        return directory.versions(existing(id));
    }

    /**
     * The unit in its latest version, or as it stood on {@code on}, with its units of that day (without {@code on}:
     * today, or the unit's last day when it has ended) and the units it took over.
     */
    public UnitView view(UnitId id, LocalDate on) {
        UnitLookup.Entry latest = latest(id);
        LocalDate day = on != null ? on
                : latest.endedOn() != null ? latest.endedOn().minusDays(1) : LocalDate.now(clock);
        UnitLookup.Entry unit = on == null ? latest : directory.findWithPathOn(id, day).orElseThrow(
                () -> RuleViolation.notFound("unit-not-in-force-on", latest.name(), day));
        return new UnitView(unit, directory.childrenOn(id, day),
                directory.predecessors(id).stream().map(UnitId::value).toList());
    }
}
