package vn.ntm.village.unit.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitAttributesChanged;
import vn.ntm.village.unit.api.UnitEnded;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitMoved;
import vn.ntm.village.unit.api.UnitName;
import vn.ntm.village.unit.api.UnitRegistered;
import vn.ntm.village.unit.api.UnitRenamed;

/**
 * The register of units over time, as tables: {@code unit_directory} (one row per unit, latest values) and
 * {@code unit_version} (each name, parent and attribute set with the dates it was in force). The command side checks
 * set rules against it (a parent exists on a date, a name is unique among that date's siblings) and the REST queries
 * read it. A subscribing processor keeps it in the same transaction as the events, so a rule checked here never sees
 * a stale register.
 */
@Component
@ProcessingGroup(UnitDirectory.PROCESSING_GROUP)
public class UnitDirectory implements UnitLookup {

    public static final String PROCESSING_GROUP = "unit-directory";
    private static final TypeReference<List<UnitRef>> PATH = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };
    private static final String SELECT = """
            select d.unit_id, d.level, d.valid_from as registered_on, d.path, d.ended_on, d.end_reason,
                   d.successor_ids, v.valid_from, v.valid_to, v.name, v.parent_id, v.region, v.commune_group,
                   v.special_status, v.legal_basis, v.recorded_at
            from unit_directory d join unit_version v on v.unit_id = d.unit_id
            """;
    private static final String ON_DATE = " v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?) ";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    UnitDirectory(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(UnitRegistered event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        jdbc.update("""
                insert into unit_directory (unit_id, level, name, name_key, parent_id, valid_from, region, legal_basis,
                                            path, recorded_at, commune_group, special_status)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""",
                uuid(event.unitId()), event.level().name(), event.name(), new UnitName(event.name()).key(),
                uuid(event.parentId()), event.validFrom(), event.region(), event.legalBasis(),
                json.writeValueAsString(event.path()), Timestamp.from(recordedAt), event.communeGroup(),
                event.specialStatus());
        jdbc.update("""
                insert into unit_version (unit_id, valid_from, name, name_key, parent_id, region, commune_group,
                                          special_status, legal_basis, change, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?)""",
                uuid(event.unitId()), event.validFrom(), event.name(), new UnitName(event.name()).key(),
                uuid(event.parentId()), event.region(), event.communeGroup(), event.specialStatus(),
                event.legalBasis(), Timestamp.from(recordedAt));
    }

    @EventHandler
    void on(UnitRenamed event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        newVersion(event.unitId(), event.validFrom(), "RENAMED", event.legalBasis(), recordedAt,
                "name = ?, name_key = ?", event.name(), new UnitName(event.name()).key());
        updateLatest(event.unitId(), event.path(), "name = ?, name_key = ?", event.name(),
                new UnitName(event.name()).key());
    }

    @EventHandler
    void on(UnitMoved event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        newVersion(event.unitId(), event.validFrom(), "MOVED", event.legalBasis(), recordedAt,
                "parent_id = ?", uuid(event.parentId()));
        updateLatest(event.unitId(), event.path(), "parent_id = ?", uuid(event.parentId()));
    }

    @EventHandler
    void on(UnitAttributesChanged event, @org.axonframework.eventhandling.Timestamp Instant recordedAt) {
        newVersion(event.unitId(), event.validFrom(), "ATTRIBUTES_CHANGED", event.legalBasis(), recordedAt,
                "region = ?, commune_group = ?, special_status = ?", event.region(), event.communeGroup(),
                event.specialStatus());
        updateLatest(event.unitId(), event.path(), "region = ?, commune_group = ?, special_status = ?",
                event.region(), event.communeGroup(), event.specialStatus());
    }

    @EventHandler
    void on(UnitEnded event) {
        jdbc.update("update unit_version set valid_to = ? where unit_id = ? and valid_to is null",
                event.validFrom(), uuid(event.unitId()));
        jdbc.update("update unit_directory set ended_on = ?, end_reason = ?, successor_ids = cast(? as jsonb) "
                        + "where unit_id = ?", event.validFrom(), event.reason().name(),
                json.writeValueAsString(event.successorIds()), uuid(event.unitId()));
    }

    /** Closes the open version on {@code from} and opens a copy of it with {@code changes} applied. */
    private void newVersion(UnitId id, LocalDate from, String change, String legalBasis, Instant recordedAt,
                            String changes, Object... values) {
        jdbc.update("""
                insert into unit_version (unit_id, valid_from, name, name_key, parent_id, region, commune_group,
                                          special_status, legal_basis, change, recorded_at)
                select unit_id, ?, name, name_key, parent_id, region, commune_group, special_status, ?, ?, ?
                from unit_version where unit_id = ? and valid_to is null""",
                from, legalBasis, change, Timestamp.from(recordedAt), uuid(id));
        jdbc.update("update unit_version set valid_to = ? where unit_id = ? and valid_to is null and valid_from < ?",
                from, uuid(id), from);
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = uuid(id);
        args[values.length + 1] = from;
        jdbc.update("update unit_version set " + changes + " where unit_id = ? and valid_from = ?", args);
    }

    private void updateLatest(UnitId id, List<UnitRef> path, String changes, Object... values) {
        Object[] args = new Object[values.length + 2];
        System.arraycopy(values, 0, args, 0, values.length);
        args[values.length] = json.writeValueAsString(path);
        args[values.length + 1] = uuid(id);
        jdbc.update("update unit_directory set " + changes + ", path = cast(? as jsonb) where unit_id = ?", args);
    }

    @Override
    public Optional<Entry> find(UnitId id) {
        return jdbc.query(SELECT + " where d.unit_id = ? order by v.valid_from desc limit 1", this::entry, uuid(id))
                .stream().findFirst();
    }

    @Override
    public Optional<Entry> findOn(UnitId id, LocalDate on) {
        return jdbc.query(SELECT + " where d.unit_id = ? and" + ON_DATE, this::entry, uuid(id), on, on)
                .stream().findFirst();
    }

    @Override
    public List<Entry> childrenOn(UnitId parentId, LocalDate on) {
        return jdbc.query(SELECT + " where v.parent_id is not distinct from ? and" + ON_DATE + " order by v.name",
                this::entry, uuid(parentId), on, on);
    }

    /** The unit a request path names; 404 {@code unit-not-found} when there is none (or the id is not a UUID). */
    public UnitId existing(String id) {
        try {
            UnitId unit = new UnitId(id);
            if (find(unit).isPresent()) {
                return unit;
            }
        } catch (vn.ntm.support.rules.RuleViolation e) {
            // not a UUID: no such unit either
        }
        throw vn.ntm.support.rules.RuleViolation.notFound("unit-not-found", id);
    }

    /** Every unit in its latest version, ended ones included, provinces first. */
    public List<Entry> all() {
        return jdbc.query(SELECT + " where v.valid_to is null or v.valid_to = d.ended_on"
                + " order by jsonb_array_length(d.path), v.name", this::entry);
    }

    /** The tree as it stood on a date: every unit that existed then, with its name, parent and path of that day. */
    public List<Entry> treeOn(LocalDate on) {
        return jdbc.query(SELECT + " where" + ON_DATE + " order by v.name", this::entry, on, on).stream()
                .map(e -> withPath(e, pathOn(e.id(), on)))
                .sorted(java.util.Comparator.comparingInt((Entry e) -> e.path().size()).thenComparing(Entry::name))
                .toList();
    }

    /** A unit as it stood on a date, with that day's path. */
    public Optional<Entry> findWithPathOn(UnitId id, LocalDate on) {
        return findOn(id, on).map(e -> withPath(e, pathOn(id, on)));
    }

    /** Every version of a unit, oldest first. */
    public List<Entry> versions(UnitId id) {
        return jdbc.query(SELECT + " where d.unit_id = ? order by v.valid_from", this::entry, uuid(id)).stream()
                .map(e -> withPath(e, pathOn(id, e.validFrom())))
                .toList();
    }

    /** The units that ended and named this one among their successors. */
    public List<UnitId> predecessors(UnitId id) {
        return jdbc.queryForList("select unit_id from unit_directory where successor_ids @> cast(? as jsonb)",
                        String.class, json.writeValueAsString(List.of(id.value())))
                .stream().map(UnitId::new).toList();
    }

    private static Entry withPath(Entry e, List<UnitRef> path) {
        return new Entry(e.id(), e.level(), e.name(), e.parentId(), e.validFrom(), e.validTo(), e.region(),
                e.legalBasis(), path, e.recordedAt(), e.communeGroup(), e.specialStatus(), e.registeredOn(),
                e.endedOn(), e.endReason(), e.successorIds());
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_id");
        return new Entry(new UnitId(rs.getString("unit_id")), UnitLevel.valueOf(rs.getString("level")),
                rs.getString("name"), parent == null ? null : new UnitId(parent),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
                rs.getString("region"), rs.getString("legal_basis"), json.readValue(rs.getString("path"), PATH),
                rs.getTimestamp("recorded_at").toInstant(), (Integer) rs.getObject("commune_group"),
                rs.getString("special_status"), rs.getObject("registered_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"),
                json.readValue(rs.getString("successor_ids"), IDS));
    }

    private static UUID uuid(UnitId id) {
        return id == null ? null : id.uuid();
    }
}
