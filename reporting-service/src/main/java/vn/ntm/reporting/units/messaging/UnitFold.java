package vn.ntm.reporting.units.messaging;

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
import vn.ntm.reporting.units.query.UnitVersions;
import vn.ntm.reporting.units.query.UnitVersions.Fact;
import vn.ntm.reporting.units.query.UnitVersions.State;
import vn.ntm.reporting.units.query.UnitVersions.Version;

/**
 * Folds unit events into {@code unit_change} (every fact as it arrived) and {@code unit_version} (the bitemporal,
 * effective-dated hierarchy). A unit's versions are recomputed from all its facts whenever one arrives
 * ({@link UnitVersions}), so the result does not depend on the order facts arrive in: a replay builds exactly what the
 * live consumer built.
 */
@Component
public class UnitFold {

    private final JdbcTemplate jdbc;

    UnitFold(JdbcTemplate jdbc) {
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

    private record Known(Fact fact, Instant recordedAt, String eventId) {
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
            List<Version> versions = UnitVersions.versions(known);
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

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
