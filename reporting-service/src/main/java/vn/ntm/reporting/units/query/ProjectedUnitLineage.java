package vn.ntm.reporting.units.query;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.ntm.support.security.UnitLineage;

/**
 * Access scopes answered from this service's own projection of {@code ntm.units}: the path of a unit on a date is its
 * chain of parents in {@code unit_version}, and its successors are those its {@code UnitEnded} named. Always as known
 * now, whatever {@code knownAt} a report asks for: what the platform knew at an earlier time may show a report, but
 * never decides who may see it.
 */
@Component
class ProjectedUnitLineage implements UnitLineage {

    private static final int MAX_DEPTH = 16;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ProjectedUnitLineage(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<String> ancestorsOrSelf(String unitId, LocalDate on) {
        UUID id = uuid(unitId);
        if (id == null || on == null) {
            return List.of();
        }
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.queryForList("""
                with recursive up (unit_id, parent_id, depth) as (
                    select unit_id, parent_id, 0 from unit_version
                    where unit_id = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
                      and recorded_from <= ? and (recorded_to is null or recorded_to > ?)
                  union all
                    select v.unit_id, v.parent_id, up.depth + 1 from unit_version v join up on v.unit_id = up.parent_id
                    where v.valid_from <= ? and (v.valid_to is null or v.valid_to > ?)
                      and v.recorded_from <= ? and (v.recorded_to is null or v.recorded_to > ?) and up.depth < ?)
                select unit_id::text from up order by depth""", String.class,
                id, on, on, now, now, on, on, now, now, MAX_DEPTH);
    }

    @Override
    public List<String> successors(String unitId) {
        UUID id = uuid(unitId);
        if (id == null) {
            return List.of();
        }
        return jdbc.queryForList("""
                select distinct s.successor::text from unit_change c cross join unnest(c.successor_ids) as s(successor)
                where c.unit_id = ? and c.kind = 'ENDED' and c.recorded_at <= ?""", String.class,
                id, Timestamp.from(clock.instant()));
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
