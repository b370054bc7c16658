package vn.ntm.reporting.units;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitAttributesChanged;
import vn.ntm.contracts.UnitEnded;
import vn.ntm.contracts.UnitMoved;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.contracts.UnitRenamed;

/**
 * Folds unit events into {@code unit_change} (every fact as it arrived) and {@code unit_version} (the bitemporal,
 * effective-dated hierarchy). A unit's versions are recomputed from all its facts whenever one arrives, so the result
 * does not depend on the order facts arrive in: a replay builds exactly what the live consumer built.
 */
@Component
public class UnitProjection {

    private final JdbcTemplate jdbc;

    UnitProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A poll's unit facts: their rows in one JDBC batch, then the versions of each unit they concern recomputed once,
     * with one read, one delete and one batch for all of them. Versions do not depend on the order facts arrive in,
     * so this builds what one fact at a time would; it saves four round trips per unit event.
     */
    public void applyAll(List<Envelope<?>> events) {
        List<Object[]> rows = new ArrayList<>();
        Set<UUID> units = new LinkedHashSet<>();
        for (Envelope<?> envelope : events) {
            Fact fact = fact(envelope.payload());
            if (fact == null) {
                continue;
            }
            UUID unitId = UUID.fromString(envelope.unitId());
            units.add(unitId);
            rows.add(new Object[] {envelope.eventId(), unitId, fact.kind(), fact.level(), fact.name(),
                    fact.parentId(), fact.region(), fact.communeGroup(), fact.specialStatus(), fact.reason(),
                    fact.successorIds(), fact.validFrom() != null ? fact.validFrom() : envelope.validOn(),
                    Timestamp.from(envelope.recordedAt()), fact.legalBasis(),
                    envelope.actor() == null ? null : envelope.actor().subject()});
        }
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into unit_change (event_id, unit_id, kind, level, name, parent_id, region, commune_group,
                    special_status, reason, successor_ids, valid_from, recorded_at, legal_basis, actor_subject)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, rows.size(), (statement, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        Object value = row[i] instanceof List<?> successors
                                ? statement.getConnection().createArrayOf("uuid", successors.toArray()) : row[i];
                        statement.setObject(i + 1, value);
                    }
                });
        recompute(units);
    }

    private static Fact fact(Object payload) {
        if (payload instanceof UnitRegistered u) {
            return new Fact("REGISTERED", u.level(), u.name(), uuid(u.parentId()), u.region(), u.communeGroup(),
                    u.specialStatus(), null, List.of(), u.validFrom(), u.legalBasis());
        } else if (payload instanceof UnitRenamed r) {
            return new Fact("RENAMED", null, r.name(), null, null, null, null, null, List.of(), r.validFrom(),
                    r.legalBasis());
        } else if (payload instanceof UnitMoved m) {
            return new Fact("MOVED", null, null, uuid(m.parentId()), null, null, null, null, List.of(),
                    m.validFrom(), m.legalBasis());
        } else if (payload instanceof UnitAttributesChanged a) {
            return new Fact("ATTRIBUTES", null, null, null, a.region(), a.communeGroup(), a.specialStatus(), null,
                    List.of(), a.validFrom(), a.legalBasis());
        } else if (payload instanceof UnitEnded e) {
            return new Fact("ENDED", null, null, null, null, null, null, e.reason(),
                    e.successorIds().stream().map(UUID::fromString).toList(), e.validFrom(), e.legalBasis());
        }
        return null;
    }

    /** One fact about a unit; the fields a kind does not carry are null. */
    record Fact(String kind, String level, String name, UUID parentId, String region, Integer communeGroup,
                String specialStatus, String reason, List<UUID> successorIds, LocalDate validFrom,
                String legalBasis) {
    }

    private record Known(Fact fact, Instant recordedAt, String eventId) {
    }

    /** What a unit looked like over a stretch of valid time. */
    record State(String level, String name, UUID parentId, String region, Integer communeGroup, String specialStatus) {
    }

    record Version(State state, LocalDate validFrom, LocalDate validTo) {
    }

    private record UnitFact(UUID unitId, Known known) {
    }

    private void recompute(Set<UUID> unitIds) {
        Map<UUID, List<Known>> factsByUnit = new LinkedHashMap<>();
        jdbc.query("""
                select unit_id, kind, level, name, parent_id, region, commune_group, special_status, reason,
                       valid_from, recorded_at, event_id::text
                from unit_change where unit_id = any(?) order by unit_id, recorded_at, event_id""",
                (rs, n) -> new UnitFact(rs.getObject(1, UUID.class), new Known(new Fact(rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
                        (Integer) rs.getObject(7), rs.getString(8), rs.getString(9), List.of(),
                        rs.getObject(10, LocalDate.class), null), rs.getTimestamp(11).toInstant(), rs.getString(12))),
                (Object) unitIds.toArray(UUID[]::new))
                .forEach(f -> factsByUnit.computeIfAbsent(f.unitId(), k -> new ArrayList<>()).add(f.known()));
        List<Object[]> rows = new ArrayList<>();
        factsByUnit.forEach((unitId, facts) -> rows.addAll(versionRows(unitId, facts)));
        jdbc.update("delete from unit_version where unit_id = any(?)", (Object) unitIds.toArray(UUID[]::new));
        jdbc.batchUpdate("""
                insert into unit_version (unit_id, level, name, parent_id, region, commune_group, special_status,
                    valid_from, valid_to, recorded_from, recorded_to)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** One unit's version rows from its facts in recorded order. */
    private static List<Object[]> versionRows(UUID unitId, List<Known> facts) {
        // for each recorded time, the versions known then; a version is a row from the first time it was known
        // until the first time it no longer was
        Map<Version, Instant> open = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>();
        TreeSet<Instant> recordedTimes = new TreeSet<>(facts.stream().map(Known::recordedAt).toList());
        for (Instant recorded : recordedTimes) {
            List<Fact> known = facts.stream().filter(k -> !k.recordedAt().isAfter(recorded)).map(Known::fact).toList();
            List<Version> versions = versions(known);
            for (var it = open.entrySet().iterator(); it.hasNext(); ) {
                var row = it.next();
                if (!versions.contains(row.getKey())) {
                    rows.add(row(unitId, row.getKey(), row.getValue(), recorded));
                    it.remove();
                }
            }
            versions.forEach(v -> open.putIfAbsent(v, recorded));
        }
        open.forEach((version, from) -> rows.add(row(unitId, version, from, null)));
        return rows;
    }

    private static Object[] row(UUID unitId, Version v, Instant from, Instant to) {
        State s = v.state();
        return new Object[] {unitId, s.level(), s.name(), s.parentId(), s.region(), s.communeGroup(),
                s.specialStatus(), v.validFrom(), v.validTo(), Timestamp.from(from),
                to == null ? null : Timestamp.from(to)};
    }

    /**
     * The effective-dated versions the given facts (in recorded order) describe: from the registration, a new version
     * at each date a name, parent or attributes change, none after the unit ended. A later-recorded fact for the same
     * valid date overrides an earlier one (a correction).
     */
    static List<Version> versions(List<Fact> facts) {
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

    /** The fact of {@code kind} (or the registration) in force on {@code on}: latest valid date, then latest recorded. */
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

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
