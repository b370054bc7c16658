package vn.ntm.reporting.units;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;

/** Folds unit events into {@code unit_view}. */
@Component
public class UnitProjection {

    private static final TypeReference<List<UnitRef>> PATH = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    UnitProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A unit as reporting knows it. */
    public record UnitRow(String id, String level, String name, String parentId, String region, LocalDate validFrom,
                          List<UnitRef> path, String registeredBy) {
    }

    public void apply(Envelope<?> envelope) {
        if (envelope.payload() instanceof UnitRegistered unit) {
            jdbc.update("""
                    insert into unit_view (unit_id, level, name, parent_id, region, valid_from, path, recorded_at,
                                           registered_by)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) on conflict (unit_id) do nothing""",
                    UUID.fromString(envelope.unitId()), unit.level(), unit.name(),
                    unit.parentId() == null ? null : UUID.fromString(unit.parentId()), unit.region(),
                    unit.validFrom(), json.writeValueAsString(envelope.unitPath()),
                    Timestamp.from(envelope.recordedAt()), envelope.actor() == null ? null : envelope.actor().subject());
        }
    }

    public List<UnitRow> all() {
        return jdbc.query("""
                select unit_id, level, name, parent_id, region, valid_from, path::text, registered_by
                from unit_view order by jsonb_array_length(path), name""",
                (rs, n) -> new UnitRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), json.readValue(rs.getString(7), PATH),
                        rs.getString(8)));
    }
}
