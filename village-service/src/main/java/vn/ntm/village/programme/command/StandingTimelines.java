package vn.ntm.village.programme.command;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.village.programme.command.ProgrammeLookup.Criterion;
import vn.ntm.village.programme.command.ProgrammeLookup.SetStanding;
import vn.ntm.village.unit.api.UnitId;

/**
 * Reads the criteria status timelines {@link CriteriaStandings} keeps ({@code set_standing},
 * {@code criterion_standing}, {@code criteria_set_name}) as of a date: recognition is gated on them, the revocation
 * watch judges them, and the criteria-standing query shows them.
 */
@Component
public class StandingTimelines {

    private static final TypeReference<List<String>> CODES = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };
    /** Criterion codes in their natural order: 2 before 10, as criteria-service and catalogues list them. */
    private static final Comparator<String> CODE_ORDER = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    StandingTimelines(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A criterion's status on a date and the stretch of valid time it holds on; UNKNOWN without dates: none. */
    public record CriterionStanding(String code, String name, String status, LocalDate validFrom,
                                    LocalDate validUntil) {
    }

    /** The unit's standing against the set on {@code on}; empty when no status of that date has arrived. */
    public Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode, LocalDate on) {
        return setRowOn(unitId, criteriaSetCode, on).map(row -> {
            Map<String, String> names = criteriaNames(criteriaSetCode, row.setVersion());
            List<String> unknown = List.of();
            if (row.criteriaMet() + row.notMet().size() < row.criteriaTotal()) {
                // the set's counts say some are unknown; which, the criteria's own timelines say
                Set<String> known = new HashSet<>(row.notMet());
                criterionStatuses(unitId, criteriaSetCode, on).values().stream()
                        .filter(c -> "MET".equals(c.status())).forEach(c -> known.add(c.code()));
                unknown = names.keySet().stream().filter(code -> !known.contains(code)).toList();
            }
            return new SetStanding(row.status(), row.criteriaMet(), row.criteriaTotal(), named(row.notMet(), names),
                    named(unknown, names), row.validFrom(), row.validUntil(), row.setVersion());
        });
    }

    /** A stretch of a unit's standing against a set, as set_standing holds it; {@code notMet} as codes. */
    private record SetRow(String status, int criteriaMet, int criteriaTotal, List<String> notMet, int setVersion,
                          LocalDate validFrom, LocalDate validUntil) {
    }

    private Optional<SetRow> setRowOn(UnitId unitId, String criteriaSetCode, LocalDate on) {
        return jdbc.query("""
                select status, criteria_met, criteria_total, criteria_not_met::text as not_met, set_version,
                       valid_from, valid_until
                from set_standing
                where unit_id = ? and criteria_set = ? and valid_from <= ?
                  and (valid_until is null or valid_until > ?)""",
                (rs, n) -> new SetRow(rs.getString("status"), rs.getInt("criteria_met"), rs.getInt("criteria_total"),
                        json.readValue(rs.getString("not_met"), CODES), rs.getInt("set_version"),
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class)),
                unitId.uuid(), criteriaSetCode, on, on).stream().findFirst();
    }

    /**
     * Each criterion's status on {@code on}: those of the set version in force that day (by the set's standing of that
     * day, else the latest version known), each with the stretch it holds on; a criterion without a status is
     * UNKNOWN. Without the set's catalogue, the criteria with a status.
     */
    public List<CriterionStanding> criteriaOn(UnitId unitId, String criteriaSetCode, LocalDate on) {
        Map<String, String> names = criteriaNames(criteriaSetCode,
                setRowOn(unitId, criteriaSetCode, on).map(SetRow::setVersion).orElse(0));
        Map<String, CriterionStanding> statuses = criterionStatuses(unitId, criteriaSetCode, on);
        if (names.isEmpty()) {
            return statuses.values().stream().sorted(Comparator.comparing(CriterionStanding::code, CODE_ORDER))
                    .toList();
        }
        return names.entrySet().stream().map(e -> {
            CriterionStanding known = statuses.get(e.getKey());
            return known == null ? new CriterionStanding(e.getKey(), e.getValue(), "UNKNOWN", null, null)
                    : new CriterionStanding(e.getKey(), e.getValue(), known.status(), known.validFrom(),
                    known.validUntil());
        }).toList();
    }

    /** The criteria with a status on {@code on}, by code (names not filled in). */
    private Map<String, CriterionStanding> criterionStatuses(UnitId unitId, String criteriaSetCode, LocalDate on) {
        Map<String, CriterionStanding> statuses = new LinkedHashMap<>();
        jdbc.query("""
                select criterion_code, status, valid_from, valid_until from criterion_standing
                where unit_id = ? and criteria_set = ? and valid_from <= ?
                  and (valid_until is null or valid_until > ?)""",
                rs -> {
                    String code = rs.getString("criterion_code");
                    statuses.put(code, new CriterionStanding(code, null, rs.getString("status"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class)));
                }, unitId.uuid(), criteriaSetCode, on, on);
        return statuses;
    }

    /**
     * The criteria of a set version as published, code → Vietnamese name, in code order; the latest version known
     * when that one has not arrived (or is 0, not said); empty when no version has.
     */
    public Map<String, String> criteriaNames(String criteriaSetCode, int version) {
        Map<String, String> names = new TreeMap<>(CODE_ORDER);
        jdbc.queryForList("""
                select criteria::text from criteria_set_name where code = ?
                order by version = ? desc, version desc limit 1""", String.class, criteriaSetCode, version)
                .forEach(criteria -> names.putAll(json.readValue(criteria, NAMES)));
        return names;
    }

    private static List<Criterion> named(List<String> codes, Map<String, String> names) {
        return codes.stream().sorted(CODE_ORDER).map(code -> new Criterion(code, names.get(code))).toList();
    }

}
