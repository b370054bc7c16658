package vn.ntm.criteria.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.UnitRef;

/**
 * The units criteria-service has learnt of from village-service's events on {@code ntm.units}. A measurement for a
 * unit not (yet) in this table is refused: the unit either does not exist or its registration is still in flight.
 */
@Component
public class KnownUnits {

    private static final TypeReference<List<UnitRef>> PATH = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    KnownUnits(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A unit with what assessments depend on: its region (2021–2025 thresholds) and its path. */
    public record KnownUnit(String id, String level, String name, String region, List<UnitRef> path) {
    }

    /** Adds a unit; a second registration of the same id changes nothing. */
    public void register(String unitId, String level, String name, String parentId, String ownRegion,
                         LocalDate validFrom, List<UnitRef> path) {
        String region = ownRegion != null ? ownRegion : inheritedRegion(parentId);
        jdbc.update("""
                insert into known_unit (unit_id, level, name, parent_id, region, valid_from, path)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (unit_id) do nothing""",
                UUID.fromString(unitId), level, name, parentId == null ? null : UUID.fromString(parentId), region,
                validFrom, json.writeValueAsString(path));
    }

    public Optional<KnownUnit> find(String unitId) {
        UUID id;
        try {
            id = UUID.fromString(unitId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.query("select unit_id, level, name, region, path::text from known_unit where unit_id = ?",
                (rs, row) -> new KnownUnit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        json.readValue(rs.getString(5), PATH)), id).stream().findFirst();
    }

    /** A commune inherits the region of its province unless it has its own (a special-status commune). */
    private String inheritedRegion(String parentId) {
        return parentId == null ? null : find(parentId).map(KnownUnit::region).orElse(null);
    }
}
