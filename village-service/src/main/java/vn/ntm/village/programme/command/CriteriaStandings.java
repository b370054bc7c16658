package vn.ntm.village.programme.command;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.village.unit.api.UnitId;

/**
 * What village-service knows of criteria-service's statuses, learnt from {@code ntm.criteria}: the criteria of each
 * set version, and each unit's status timelines in valid time — its standing against a set (status and the counts of
 * those dates) and each criterion's status — as stretches [from, until). A stretch received replaces, for its dates,
 * what the tables held of them (the rows it overlaps at its edges are cut), unless what they held was recorded later.
 * The timelines gate recognition on the date concerned (see Recognition, StandingTimelines); once a poll's facts are
 * stored, {@link RevocationWatch} judges the dates they changed for the units holding a recognition.
 */
@Component
public class CriteriaStandings {

    /** What criteria-service tells this service. */
    public sealed interface Fact permits Catalogue, CriterionStretch, SetStretch {
    }

    /** A set version's criteria, code → Vietnamese name. */
    public record Catalogue(String code, int version, Map<String, String> criteria) implements Fact {
    }

    /** The fact that changed a stretch, as criteria-service named it (kind, and the measurement when there is one). */
    public record Cause(String kind, String measurementId, String indicatorCode, LocalDate validOn) {
    }

    /** From {@code from} until {@code until} (exclusive; null: open-ended) the criterion's status is {@code status}. */
    public record CriterionStretch(UnitId unitId, String criteriaSet, String criterionCode, String status,
                                   LocalDate from, LocalDate until, int setVersion, Cause cause, Instant recordedAt)
            implements Fact {
        public CriterionStretch {
            ValidTime.check(from, until);
            Objects.requireNonNull(unitId, "unitId");
        }
    }

    /**
     * From {@code from} until {@code until} (exclusive; null: open-ended) the unit stands {@code status} against the
     * set, with {@code criteriaMet} of {@code criteriaTotal} criteria met and {@code criteriaNotMet} not met.
     */
    public record SetStretch(UnitId unitId, String criteriaSet, String status, LocalDate from, LocalDate until,
                             int criteriaMet, int criteriaTotal, List<String> criteriaNotMet, int setVersion,
                             Cause cause, Instant recordedAt) implements Fact {
        public SetStretch {
            ValidTime.check(from, until);
            Objects.requireNonNull(unitId, "unitId");
            criteriaNotMet = criteriaNotMet == null ? List.of() : List.copyOf(criteriaNotMet);
        }
    }

    /** A stretch as a table row: {@link #values} are its columns after the timeline's key, as its insert takes them. */
    private interface Row<R extends Row<R>> extends ValidTime.Stretch<R> {

        List<Object> values();
    }

    /** A stretch of set_standing (cause and not-met codes as the JSON stored). */
    private record SetRow(LocalDate from, LocalDate until, String status, int met, int total, String notMet,
                          int setVersion, String cause, Instant recordedAt) implements Row<SetRow> {

        static final String INSERT = """
                insert into set_standing (unit_id, criteria_set, valid_from, valid_until, status, criteria_met,
                                          criteria_total, criteria_not_met, set_version, cause, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), ?)""";

        @Override
        public SetRow between(LocalDate from, LocalDate until) {
            return new SetRow(from, until, status, met, total, notMet, setVersion, cause, recordedAt);
        }

        @Override
        public List<Object> values() {
            return Arrays.asList(from, until, status, met, total, notMet, setVersion, cause,
                    Timestamp.from(recordedAt));
        }
    }

    /** A stretch of criterion_standing (cause as the JSON stored). */
    private record CriterionRow(LocalDate from, LocalDate until, String status, int setVersion, String cause,
                                Instant recordedAt) implements Row<CriterionRow> {

        static final String INSERT = """
                insert into criterion_standing (unit_id, criteria_set, criterion_code, valid_from, valid_until, status,
                                                set_version, cause, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)""";

        @Override
        public CriterionRow between(LocalDate from, LocalDate until) {
            return new CriterionRow(from, until, status, setVersion, cause, recordedAt);
        }

        @Override
        public List<Object> values() {
            return Arrays.asList(from, until, status, setVersion, cause, Timestamp.from(recordedAt));
        }
    }

    private record Standing(UnitId unitId, String criteriaSet) {
    }


    private static final RowMapper<SetRow> SET_ROW = (rs, n) -> new SetRow(rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_until", LocalDate.class), rs.getString("status"), rs.getInt("criteria_met"),
            rs.getInt("criteria_total"), rs.getString("criteria_not_met"), rs.getInt("set_version"),
            rs.getString("cause"), rs.getTimestamp("recorded_at").toInstant());
    private static final RowMapper<CriterionRow> CRITERION_ROW = (rs, n) -> new CriterionRow(
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
            rs.getString("status"), rs.getInt("set_version"), rs.getString("cause"),
            rs.getTimestamp("recorded_at").toInstant());
    /** The rows of one timeline that share a date with [?, ?): the stretch's start, then its end (null: open). */
    static final String OVERLAPPING = " and coalesce(valid_until, 'infinity') > ?"
            + " and valid_from < coalesce(cast(? as date), 'infinity')";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RevocationWatch revocation;

    CriteriaStandings(JdbcTemplate jdbc, JsonMapper json, RevocationWatch revocation) {
        this.jdbc = jdbc;
        this.json = json;
        this.revocation = revocation;
    }

    /**
     * Learns the facts in their order (one poll of {@code ntm.criteria}, in the caller's transaction), then judges the
     * revocation triggers on the dates they changed, once all are in: criteria-service publishes a change's criterion
     * and set stretches together, and judging between them would read a set's counts of before the change.
     */
    public void learn(List<? extends Fact> facts) {
        Map<Standing, List<RevocationWatch.Dates>> changed = new LinkedHashMap<>();
        for (Fact fact : facts) {
            if (fact instanceof Catalogue catalogue) {
                jdbc.update("""
                        insert into criteria_set_name (code, version, criteria) values (?, ?, cast(? as jsonb))
                        on conflict (code, version) do update set criteria = excluded.criteria""",
                        catalogue.code(), catalogue.version(), json.writeValueAsString(catalogue.criteria()));
            } else if (fact instanceof CriterionStretch c) {
                lay("criterion_standing", List.of(c.unitId().uuid(), c.criteriaSet(), c.criterionCode()),
                        new CriterionRow(c.from(), c.until(), c.status(), c.setVersion(), cause(c.cause()),
                                c.recordedAt()), CRITERION_ROW, CriterionRow.INSERT);
                changed.computeIfAbsent(new Standing(c.unitId(), c.criteriaSet()), k -> new ArrayList<>())
                        .add(new RevocationWatch.Dates(c.from(), c.until()));
            } else if (fact instanceof SetStretch s) {
                lay("set_standing", List.of(s.unitId().uuid(), s.criteriaSet()),
                        new SetRow(s.from(), s.until(), s.status(), s.criteriaMet(), s.criteriaTotal(),
                                json.writeValueAsString(s.criteriaNotMet()), s.setVersion(), cause(s.cause()),
                                s.recordedAt()), SET_ROW, SetRow.INSERT);
                changed.computeIfAbsent(new Standing(s.unitId(), s.criteriaSet()), k -> new ArrayList<>())
                        .add(new RevocationWatch.Dates(s.from(), s.until()));
            }
        }
        changed.forEach((standing, dates) -> revocation.judge(standing.unitId(), standing.criteriaSet(), dates));
    }

    /**
     * Lays a stretch over a timeline of {@code table} (the rows of {@code key}: unit, set and, for a criterion, its
     * code): the rows sharing a date with it are read, deleted and written again as {@link ValidTime#laid} says.
     */
    private <R extends Row<R>> void lay(String table, List<Object> key, R stretch, RowMapper<R> reader,
                                        String insert) {
        String where = " where unit_id = ? and criteria_set = ?" + (key.size() > 2 ? " and criterion_code = ?" : "")
                + OVERLAPPING;
        List<Object> params = new ArrayList<>(key);
        params.add(stretch.from());
        params.add(stretch.until());
        List<R> held = jdbc.query("select * from " + table + where + " order by valid_from for update", reader,
                params.toArray());
        if (!held.isEmpty()) {
            jdbc.update("delete from " + table + where, params.toArray());
        }
        jdbc.batchUpdate(insert, ValidTime.laid(stretch, held).stream().map(row -> {
            List<Object> values = new ArrayList<>(key);
            values.addAll(row.values());
            return values.toArray();
        }).toList());
    }

    private String cause(Cause cause) {
        return json.writeValueAsString(cause == null ? new Cause(null, null, null, null) : cause);
    }
}
