package vn.ntm.reporting.statuses;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The criteria sets as published (latest version of each), to label statuses in both languages and to explain a
 * threshold with its set's legal basis. Cached until a set is published or amended.
 */
@Component
public class Catalogue {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private volatile Snapshot snapshot = new Snapshot("", Map.of());

    Catalogue(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Indicator(String code, String nameVi, String nameEn, String kind, String comparator, String unit) {
    }

    public record Criterion(String code, String nameVi, String nameEn, List<Indicator> indicators) {
    }

    public record CriteriaSet(String code, int version, String titleVi, String titleEn, String level,
                              String legalBasis, LocalDate effectiveFrom, LocalDate effectiveTo,
                              List<Criterion> criteria) {

        public Criterion criterion(String code) {
            return criteria.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }
    }

    private record Snapshot(String fingerprint, Map<String, CriteriaSet> sets) {
    }

    public Map<String, CriteriaSet> sets() {
        String fingerprint = jdbc.queryForObject(
                "select coalesce(string_agg(code || ':' || version, ',' order by code), '') from criteria_set_view",
                String.class);
        Snapshot current = snapshot;
        if (!current.fingerprint().equals(fingerprint)) {
            Map<String, CriteriaSet> sets = new LinkedHashMap<>();
            jdbc.query("""
                    select code, version, title_vi, title_en, level, legal_basis, effective_from, effective_to,
                           catalogue::text
                    from criteria_set_view order by effective_from, code""", rs -> {
                sets.put(rs.getString(1), new CriteriaSet(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), criteria(json.readTree(rs.getString(9)))));
            });
            current = new Snapshot(fingerprint, sets);
            snapshot = current;
        }
        return current.sets();
    }

    public CriteriaSet set(String code) {
        return sets().get(code);
    }

    private static List<Criterion> criteria(JsonNode catalogue) {
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : catalogue) {
            List<Indicator> indicators = new ArrayList<>();
            for (JsonNode i : c.path("indicators")) {
                indicators.add(new Indicator(i.path("code").asString(), i.path("nameVi").asString(null),
                        i.path("nameEn").asString(null), i.path("kind").asString(null),
                        i.path("comparator").asString(null), i.path("unit").asString(null)));
            }
            criteria.add(new Criterion(c.path("code").asString(), c.path("nameVi").asString(null),
                    c.path("nameEn").asString(null), indicators));
        }
        return criteria;
    }

    /** An indicator's name in Vietnamese ({@code vi}) or English, null when the set or indicator is unknown. */
    public static String indicatorName(Map<String, CriteriaSet> sets, String set, String indicator, String lang) {
        CriteriaSet s = sets.get(set);
        if (s == null) {
            return null;
        }
        for (Criterion c : s.criteria()) {
            for (Indicator i : c.indicators()) {
                if (i.code().equals(indicator)) {
                    return "en".equals(lang) && i.nameEn() != null ? i.nameEn() : i.nameVi();
                }
            }
        }
        return null;
    }
}
