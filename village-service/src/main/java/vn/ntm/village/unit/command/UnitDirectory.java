package vn.ntm.village.unit.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.UnitRef;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitRegistered;

/**
 * The register of units as a table: the command side checks set rules against it (a parent exists, a name is
 * unique among its siblings) and the REST queries read it. A subscribing processor keeps it in the same transaction
 * as the events, so a rule checked here never sees a stale register.
 */
@Component
@ProcessingGroup(UnitDirectory.PROCESSING_GROUP)
public class UnitDirectory implements UnitLookup {

    public static final String PROCESSING_GROUP = "unit-directory";
    private static final TypeReference<List<UnitRef>> PATH = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    UnitDirectory(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(UnitRegistered event, @Timestamp java.time.Instant recordedAt) {
        jdbc.update("""
                insert into unit_directory (unit_id, level, name, name_key, parent_id, valid_from, region, legal_basis,
                                            path, recorded_at, commune_group, special_status)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""",
                uuid(event.unitId()), event.level().name(), event.name(),
                new vn.ntm.village.unit.api.UnitName(event.name()).key(), uuid(event.parentId()), event.validFrom(),
                event.region(), event.legalBasis(), json.writeValueAsString(event.path()),
                java.sql.Timestamp.from(recordedAt), event.communeGroup(), event.specialStatus());
    }

    @Override
    public Optional<Entry> find(UnitId id) {
        return jdbc.query("select * from unit_directory where unit_id = ?", this::entry, uuid(id)).stream().findFirst();
    }

    @Override
    public boolean nameTakenUnder(UnitId parentId, String nameKey) {
        Integer count = jdbc.queryForObject(
                "select count(*) from unit_directory where parent_id is not distinct from ? and name_key = ?",
                Integer.class, uuid(parentId), nameKey);
        return count != null && count > 0;
    }

    public List<Entry> all() {
        return jdbc.query("select * from unit_directory order by jsonb_array_length(path), name", this::entry);
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_id");
        return new Entry(new UnitId(rs.getString("unit_id")), UnitLevel.valueOf(rs.getString("level")),
                rs.getString("name"), parent == null ? null : new UnitId(parent),
                rs.getObject("valid_from", LocalDate.class), rs.getString("region"), rs.getString("legal_basis"),
                json.readValue(rs.getString("path"), PATH), rs.getTimestamp("recorded_at").toInstant(),
                (Integer) rs.getObject("commune_group"), rs.getString("special_status"));
    }

    private static UUID uuid(UnitId id) {
        return id == null ? null : UUID.fromString(id.value());
    }
}
