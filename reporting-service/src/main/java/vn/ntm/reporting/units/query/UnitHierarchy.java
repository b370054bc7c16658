package vn.ntm.reporting.units.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;

/**
 * The unit hierarchy as it stood on a valid date, as the platform knew it at a recorded time: which units existed,
 * their names, parents and attributes, and which units they succeeded (mergers, splits).
 */
@Component
public class UnitHierarchy {

    private final JdbcTemplate jdbc;

    UnitHierarchy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A unit's version in force on the tree's date. */
    public record Unit(String id, String level, String name, String parentId, String region, Integer communeGroup,
                       String specialStatus, LocalDate validFrom, LocalDate validTo) {
    }

    /** A unit that ended and whose territory went to another: {@code name} as it was on its last day. */
    public record Predecessor(String id, String level, String name, String successorId, String reason,
                              LocalDate endedOn) {
    }

    /** One version of a unit with its valid and recorded time. */
    public record UnitVersion(String id, String level, String name, String parentId, String region,
                              Integer communeGroup, String specialStatus, LocalDate validFrom, LocalDate validTo,
                              Instant recordedFrom, Instant recordedTo) {
    }

    /** The tree on {@code on} as known at {@code knownAt}. */
    public UnitTree on(LocalDate on, Instant knownAt) {
        List<Unit> units = jdbc.query("""
                select unit_id::text, level, name, parent_id::text, region, commune_group, special_status,
                       valid_from, valid_to
                from unit_version
                where valid_from <= ? and (valid_to is null or valid_to > ?)
                  and recorded_from <= ? and (recorded_to is null or recorded_to > ?)""",
                (rs, n) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class)),
                on, on, Timestamp.from(knownAt), Timestamp.from(knownAt));
        List<Predecessor> predecessors = jdbc.query("""
                select c.unit_id::text, v.level, v.name, s.successor::text, c.reason, c.valid_from
                from unit_change c cross join unnest(c.successor_ids) as s(successor)
                join lateral (select level, name from unit_version v
                               where v.unit_id = c.unit_id and v.valid_from < c.valid_from
                                 and v.recorded_from <= ? and (v.recorded_to is null or v.recorded_to > ?)
                               order by v.valid_from desc limit 1) v on true
                where c.kind = 'ENDED' and c.valid_from <= ? and c.recorded_at <= ?
                order by v.name, c.unit_id""",
                (rs, n) -> new Predecessor(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class)),
                Timestamp.from(knownAt), Timestamp.from(knownAt), on, Timestamp.from(knownAt));
        return new UnitTree(on, units, predecessors);
    }

    /** Every version of one unit, in valid then recorded order. */
    public List<UnitVersion> versions(UUID unitId) {
        return jdbc.query("""
                select unit_id::text, level, name, parent_id::text, region, commune_group, special_status, valid_from,
                       valid_to, recorded_from, recorded_to
                from unit_version where unit_id = ? order by valid_from, recorded_from""",
                (rs, n) -> new UnitVersion(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), (Integer) rs.getObject(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()), unitId);
    }

    /**
     * A fact about a unit: registered, renamed, moved, attributes changed or ended. {@code parentName} is the name
     * the parent ({@code parentId}) had on {@code validFrom}, as known at the time asked about (or, if its version of
     * that date was recorded only later, as known now).
     */
    public record UnitChange(String unitId, String kind, String name, String parentId, String parentName,
                             String region, Integer communeGroup, String specialStatus, String reason,
                             List<String> successorIds, LocalDate validFrom, Instant recordedAt, String legalBasis,
                             String actorSubject, String eventId) {
    }

    /** The facts about the units valid in {@code (from, to]} and recorded by {@code knownAt}; from null: all. */
    public List<UnitChange> changes(Collection<UUID> units, LocalDate from, LocalDate to, Instant knownAt) {
        return jdbc.query("""
                select c.unit_id::text, c.kind, c.name, c.parent_id::text, c.region, c.commune_group,
                       c.special_status, c.reason, c.successor_ids::text[], c.valid_from, c.recorded_at,
                       c.legal_basis, c.actor_subject, c.event_id::text, p.name
                from unit_change c
                left join lateral (select v.name from unit_version v
                                   where v.unit_id = c.parent_id and v.valid_from <= c.valid_from
                                     and (v.valid_to is null or v.valid_to > c.valid_from)
                                   order by (v.recorded_from <= ? and (v.recorded_to is null or v.recorded_to > ?))
                                            desc, v.recorded_from desc
                                   limit 1) p on true
                where c.unit_id = any(?) and c.valid_from > ? and c.valid_from <= ? and c.recorded_at <= ?
                order by c.valid_from, c.recorded_at, c.event_id""",
                (rs, n) -> new UnitChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(15), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
                        rs.getString(8),
                        rs.getArray(9) == null ? List.of() : List.of((String[]) rs.getArray(9).getArray()),
                        rs.getObject(10, LocalDate.class), rs.getTimestamp(11).toInstant(), rs.getString(12),
                        rs.getString(13), rs.getString(14)),
                Timestamp.from(knownAt), Timestamp.from(knownAt), units.toArray(UUID[]::new),
                from == null ? LocalDate.of(1, 1, 1) : from, to, Timestamp.from(knownAt));
    }

    /**
     * Why {@code unitId} is not in the tree of {@code on} as known at {@code knownAt}, as a refusal: it was never
     * recorded ({@code unit-not-found}); it is in force on that date, but nothing recorded by {@code knownAt} said so
     * yet ({@code unit-not-yet-recorded}, naming when it was recorded); or it is not in force that day and left no
     * successor ({@code unit-not-in-tree}).
     */
    public RuleViolation absence(String unitId, LocalDate on, Instant knownAt) {
        UUID id;
        try {
            id = UUID.fromString(unitId);
        } catch (IllegalArgumentException e) {
            return RuleViolation.invalid("invalid-unit-id", "unit", unitId);
        }
        List<UnitVersion> versions = versions(id);
        if (versions.isEmpty()) {
            return RuleViolation.notFound("unit-not-found", unitId);
        }
        Optional<Instant> recordedLater = versions.stream()
                .filter(v -> !v.validFrom().isAfter(on) && (v.validTo() == null || v.validTo().isAfter(on)))
                .map(UnitVersion::recordedFrom).filter(recorded -> recorded.isAfter(knownAt))
                .min(Comparator.naturalOrder());
        if (recordedLater.isPresent()) {
            return RuleViolation.notFound("unit-not-yet-recorded", versions.get(0).name(), on,
                    knownAt.toString(), recordedLater.get().toString(), unitId);
        }
        return RuleViolation.notFound("unit-not-in-tree", unitId, on);
    }

    /** The units each ended unit's territory went to (mergers, splits), as recorded by {@code knownAt}. */
    public Map<String, List<String>> successors(Instant knownAt) {
        Map<String, List<String>> successors = new LinkedHashMap<>();
        jdbc.query("""
                select c.unit_id::text, s.successor::text
                from unit_change c cross join unnest(c.successor_ids) as s(successor)
                where c.kind = 'ENDED' and c.recorded_at <= ?""",
                (java.sql.ResultSet rs) -> {
                    List<String> heirs = successors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (!heirs.contains(rs.getString(2))) {
                        heirs.add(rs.getString(2));
                    }
                }, Timestamp.from(knownAt));
        return successors;
    }

    /** Whether any version of the unit was ever recorded. */
    public boolean known(UUID unitId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from unit_version where unit_id = ?)", Boolean.class, unitId));
    }

}
