package vn.ntm.criteria.unit.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.Uuids;
import vn.ntm.support.security.UnitLineage;

/**
 * The units criteria-service has learnt of from village-service's events on {@code ntm.units}. A measurement for a
 * unit not (yet) in this table is refused: the unit either does not exist or its registration is still in flight.
 */
@Component
public class KnownUnits implements UnitLineage {

    private static final TypeReference<List<UnitRef>> PATH = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    KnownUnits(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A unit with what assessments depend on: its region (2021–2025 thresholds; its own, else the nearest
     * ancestor's) and its path.
     */
    public record KnownUnit(String id, String level, String name, String region, Integer communeGroup,
                            String specialStatus, List<UnitRef> path, LocalDate endedOn) {

        /** Whether the unit still existed on a date (it ends on {@code endedOn}: from then on it does not). */
        public boolean existsOn(LocalDate date) {
            return endedOn == null || date.isBefore(endedOn);
        }

        /**
         * The region whose thresholds apply: especially disadvantaged communes and safe-zone communes of poor
         * districts use the Northern Midlands and Mountains (TDMNPB) thresholds whatever their region (2021–2025 sets;
         * research extract, verified).
         */
        public String thresholdRegion() {
            return specialStatus != null ? "TDMNPB" : region;
        }
    }

    /**
     * Adds a unit with its own region, if it has one; a second registration of the same id changes nothing. Units
     * arrive from several partitions in any order, so the region a unit inherits is resolved when it is read.
     */
    public void register(String unitId, String level, String name, String parentId, String ownRegion,
                         LocalDate validFrom, List<UnitRef> path, Integer communeGroup, String specialStatus) {
        jdbc.update("""
                insert into known_unit (unit_id, level, name, parent_id, region, valid_from, path, commune_group,
                                        special_status)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (unit_id) do nothing""",
                UUID.fromString(unitId), level, name, parentId == null ? null : UUID.fromString(parentId), ownRegion,
                validFrom, json.writeValueAsString(path), communeGroup, specialStatus);
        jdbc.update("""
                insert into known_unit_version (unit_id, valid_from, name, parent_id, path, region, commune_group,
                                                special_status)
                select unit_id, valid_from, name, parent_id, path, region, commune_group, special_status
                from known_unit where unit_id = ?
                on conflict do nothing""", UUID.fromString(unitId));
    }

    /** The unit is called {@code name} from {@code from}. */
    public void rename(String unitId, LocalDate from, String name, List<UnitRef> path) {
        change(unitId, from, "name = ?, path = cast(? as jsonb)", name, json.writeValueAsString(path));
    }

    /** The unit belongs to {@code parentId} from {@code from}. */
    public void move(String unitId, LocalDate from, String parentId, List<UnitRef> path) {
        change(unitId, from, "parent_id = ?, path = cast(? as jsonb)", UUID.fromString(parentId),
                json.writeValueAsString(path));
    }

    /** Region, commune group and special status in force from {@code from}. */
    public void changeAttributes(String unitId, LocalDate from, String region, Integer communeGroup,
                                 String specialStatus) {
        change(unitId, from, "region = ?, commune_group = ?, special_status = ?", region, communeGroup,
                specialStatus);
    }

    /** The unit no longer exists from {@code from}: measurements for later dates are refused. */
    public void end(String unitId, LocalDate from, List<String> successorIds) {
        jdbc.update("update known_unit set ended_on = ?, successor_ids = cast(? as jsonb) where unit_id = ?", from,
                json.writeValueAsString(successorIds), UUID.fromString(unitId));
    }

    /**
     * The unit and the units above it on a date, nearest first, walking the parents of that date (a move of a
     * district moves its communes with it); empty if the unit did not exist then.
     */
    @Override
    public List<String> ancestorsOrSelf(String unitId, LocalDate on) {
        return Uuids.uuid(unitId).map(id -> jdbc.queryForList("""
                with recursive up (unit_id, depth) as (
                    select u.unit_id, 0 from known_unit u
                    where u.unit_id = ? and (u.ended_on is null or u.ended_on > ?)
                      and exists (select 1 from known_unit_version k where k.unit_id = u.unit_id and k.valid_from <= ?)
                    union all
                    select v.parent_id, up.depth + 1 from up
                    join lateral (select parent_id from known_unit_version k
                                  where k.unit_id = up.unit_id and k.valid_from <= ?
                                  order by k.valid_from desc limit 1) v on v.parent_id is not null
                    where up.depth < 16)
                select unit_id::text from up order by depth""", String.class, id, on, on, on)).orElse(List.of());
    }

    /** The units that took this one over when it ended. */
    @Override
    public List<String> successors(String unitId) {
        return Uuids.uuid(unitId).map(id -> jdbc.queryForList(
                "select jsonb_array_elements_text(successor_ids) from known_unit where unit_id = ?", String.class, id))
                .orElse(List.of());
    }

    /** Opens a version from {@code from} (a copy of the latest with {@code changes}) and updates the latest values. */
    private void change(String unitId, LocalDate from, String changes, Object... values) {
        UUID id = UUID.fromString(unitId);
        jdbc.update("""
                insert into known_unit_version (unit_id, valid_from, name, parent_id, path, region, commune_group,
                                                special_status)
                select unit_id, ?, name, parent_id, path, region, commune_group, special_status
                from known_unit where unit_id = ?
                on conflict do nothing""", from, id);
        Object[] args = java.util.Arrays.copyOf(values, values.length + 2);
        args[values.length] = id;
        args[values.length + 1] = from;
        jdbc.update("update known_unit_version set " + changes + " where unit_id = ? and valid_from = ?", args);
        jdbc.update("update known_unit set " + changes + " where unit_id = ?",
                java.util.Arrays.copyOf(args, values.length + 1));
    }

    /**
     * The unit as it stood on a date: the name, path and attributes of the version in force then (the registered
     * one for dates before it). A region it does not have itself is inherited as in {@link #find}.
     */
    public Optional<KnownUnit> findOn(String unitId, LocalDate on) {
        return find(unitId).map(latest -> jdbc.query("""
                        select name, path::text, region, commune_group, special_status from known_unit_version
                        where unit_id = ? and valid_from <= ? order by valid_from desc limit 1""",
                (rs, row) -> new KnownUnit(latest.id(), latest.level(), rs.getString(1),
                        rs.getString(3) != null ? rs.getString(3) : latest.region(), (Integer) rs.getObject(4),
                        rs.getString(5), json.readValue(rs.getString(2), PATH), latest.endedOn()),
                UUID.fromString(unitId), on).stream().findFirst().orElse(latest));
    }

    /** The unit as it stood from {@code from} on, until the next version's date. */
    public record Dated(LocalDate from, KnownUnit unit) {
    }

    /**
     * Every version of the unit, oldest first: name, path, region, commune group and special status from each date
     * they changed on. A region it does not have itself is inherited as in {@link #find}. Empty for an unknown unit.
     */
    public List<Dated> history(String unitId) {
        return find(unitId).map(latest -> jdbc.query("""
                        select valid_from, name, path::text, region, commune_group, special_status
                        from known_unit_version where unit_id = ? order by valid_from""",
                (rs, row) -> new Dated(rs.getObject(1, LocalDate.class), new KnownUnit(latest.id(), latest.level(),
                        rs.getString(2), rs.getString(4) != null ? rs.getString(4) : latest.region(),
                        (Integer) rs.getObject(5), rs.getString(6), json.readValue(rs.getString(3), PATH),
                        latest.endedOn())),
                UUID.fromString(unitId))).orElse(List.of());
    }

    /**
     * A unit is known once it and every unit on its path have arrived: until then its context (region) is
     * incomplete, and a measurement is refused with "try again in a few seconds" rather than judged wrongly.
     */
    public Optional<KnownUnit> find(String unitId) {
        return Uuids.uuid(unitId).flatMap(id -> jdbc.query("""
                select u.unit_id, u.level, u.name, u.path::text,
                       coalesce(u.region, (select a.region from jsonb_array_elements(u.path) with ordinality p(ref, n)
                                           join known_unit a on a.unit_id = (p.ref ->> 'id')::uuid
                                           where a.region is not null order by p.n desc limit 1)),
                       u.commune_group, u.special_status, u.ended_on
                from known_unit u where u.unit_id = ?
                  and not exists (select 1 from jsonb_array_elements(u.path) p(ref)
                                  where not exists (select 1 from known_unit a
                                                    where a.unit_id = (p.ref ->> 'id')::uuid))""",
                (rs, row) -> new KnownUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(5),
                        (Integer) rs.getObject(6), rs.getString(7), json.readValue(rs.getString(4), PATH),
                        rs.getObject(8, LocalDate.class)), id)
                .stream().findFirst());
    }

}
