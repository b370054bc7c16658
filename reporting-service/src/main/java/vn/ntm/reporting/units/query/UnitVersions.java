package vn.ntm.reporting.units.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The rule that turns what was said about a unit into its effective-dated versions (the rows of {@code unit_version});
 * a pure function of the facts, so the order they arrive in does not matter and a replay builds what the live
 * consumers built.
 */
public final class UnitVersions {

    /** One fact about a unit; the fields a kind does not carry are null. */
    public record Fact(String kind, String level, String name, UUID parentId, String region, Integer communeGroup,
                String specialStatus, String reason, List<UUID> successorIds, LocalDate validFrom,
                String legalBasis) {
    }

    /** What a unit looked like over a stretch of valid time. */
    public record State(String level, String name, UUID parentId, String region, Integer communeGroup,
                        String specialStatus) {
    }

    public record Version(State state, LocalDate validFrom, LocalDate validTo) {
    }

    /**
     * The effective-dated versions the given facts (in recorded order) describe: from the registration, a new version
     * at each date a name, parent or attributes change, none after the unit ended. A later-recorded fact for the same
     * valid date overrides an earlier one (a correction).
     */
    public static List<Version> versions(List<Fact> facts) {
        Fact registered = facts.stream().filter(f -> f.kind().equals("REGISTERED")).findFirst().orElse(null);
        if (registered == null) {
            return List.of();
        }
        LocalDate start = registered.validFrom();
        LocalDate end = facts.stream().filter(f -> f.kind().equals("ENDED")).map(Fact::validFrom)
                .filter(d -> d.isAfter(start)).min(Comparator.naturalOrder()).orElse(null);
        TreeSet<LocalDate> boundaries = new TreeSet<>();
        boundaries.add(start);
        facts.stream().map(Fact::validFrom).filter(d -> d.isAfter(start) && (end == null || d.isBefore(end)))
                .forEach(boundaries::add);
        List<Version> versions = new ArrayList<>();
        for (LocalDate from : boundaries) {
            State state = new State(registered.level(),
                    latest(facts, from, "RENAMED", registered).name(),
                    latest(facts, from, "MOVED", registered).parentId(),
                    latest(facts, from, "ATTRIBUTES", registered).region(),
                    latest(facts, from, "ATTRIBUTES", registered).communeGroup(),
                    latest(facts, from, "ATTRIBUTES", registered).specialStatus());
            Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            if (last != null && last.state().equals(state)) {
                continue;
            }
            if (last != null) {
                versions.set(versions.size() - 1, new Version(last.state(), last.validFrom(), from));
            }
            versions.add(new Version(state, from, null));
        }
        Version last = versions.get(versions.size() - 1);
        versions.set(versions.size() - 1, new Version(last.state(), last.validFrom(), end));
        return versions;
    }

    /** The fact of {@code kind} (or the registration) in force on {@code on}: latest valid date, latest recorded. */
    private static Fact latest(List<Fact> facts, LocalDate on, String kind, Fact registered) {
        Fact found = registered;
        for (Fact f : facts) {
            if (f.kind().equals(kind) && !f.validFrom().isAfter(on)
                    && !f.validFrom().isBefore(Objects.requireNonNull(found).validFrom())) {
                found = f;
            }
        }
        return found;
    }

    private UnitVersions() {
    }
}
