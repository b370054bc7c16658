package vn.ntm.reporting.statuses.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The criteria sets as published, every version of each, to label statuses in both languages and to explain a
 * threshold with its set's legal basis. A report as of a date describes a set by the version in force that day
 * ({@link #setsOn}); version N ends where version N+1 begins, as criteria-service decides (the latest version that
 * covers a date governs it). Cached until a version is published.
 */
@Component
public class Catalogue {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private volatile Versions snapshot = new Versions("", Map.of());

    Catalogue(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Indicator(String code, String nameVi, String nameEn, String kind, String comparator, String unit) {
    }

    public record Criterion(String code, String nameVi, String nameEn, List<Indicator> indicators) {

        public boolean has(String indicator) {
            return indicators.stream().anyMatch(i -> i.code().equals(indicator));
        }
    }

    /**
     * One version of a set. {@code effectiveTo} (inclusive, null: open-ended) is the version's own end or, when the
     * next version begins earlier, the day before it does.
     */
    public record CriteriaSet(String code, int version, String titleVi, String titleEn, String level,
                              String legalBasis, LocalDate effectiveFrom, LocalDate effectiveTo,
                              List<Criterion> criteria) {

        public Criterion criterion(String code) {
            return criteria.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }

        public boolean hasIndicator(String indicator) {
            return criteria.stream().anyMatch(c -> c.has(indicator));
        }

        boolean covers(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
        }
    }

    /** A version as stored, with when it was learnt (null: before that was recorded). */
    private record Known(CriteriaSet set, LocalDate publishedEffectiveTo, Instant recordedAt) {
    }

    /** The latest version of every set, for labels. */
    public Map<String, CriteriaSet> sets() {
        return current().sets();
    }

    /** The latest version of a set; null when none was published. */
    public CriteriaSet set(String code) {
        return current().sets().get(code);
    }

    /** One version of a set; null when it is not known. */
    public CriteriaSet version(String code, Integer version) {
        return current().version(code, version);
    }

    /** See {@link Versions#setsOn}. */
    public Map<String, CriteriaSet> setsOn(LocalDate on, Instant knownAt) {
        return current().setsOn(on, knownAt);
    }

    /** See {@link Versions#inForce}. */
    public Optional<CriteriaSet> inForce(String code, LocalDate on, Instant knownAt) {
        return current().inForce(code, on, knownAt);
    }

    /**
     * The catalogue as it is now, to answer several questions from one read (each call of the methods above looks
     * whether a version was published since).
     */
    public Versions current() {
        return snapshot();
    }

    /** Every code's versions, oldest first; codes in the order their first version took effect. */
    public static final class Versions {

        private final String fingerprint;
        private final Map<String, List<Known>> versions;
        private final Map<String, CriteriaSet> latest = new LinkedHashMap<>();

        private Versions(String fingerprint, Map<String, List<Known>> versions) {
            this.fingerprint = fingerprint;
            this.versions = versions;
            versions.forEach((code, list) -> latest.put(code, list.get(list.size() - 1).set()));
        }

        /** The latest version of every set. */
        public Map<String, CriteriaSet> sets() {
            return java.util.Collections.unmodifiableMap(latest);
        }

        /** One version of a set; null when it is not known. */
        public CriteriaSet version(String code, Integer version) {
            if (version == null) {
                return null;
            }
            return versions.getOrDefault(code, List.of()).stream().map(Known::set)
                    .filter(s -> s.version() == version).findFirst().orElse(null);
        }

        /**
         * Every set as it stood on {@code on} by what was known at {@code knownAt}: the version in force that day
         * (the latest version that covers it); for a date no version covers, the last version that took effect
         * before it or else the first. A set none of whose versions was known by {@code knownAt} is described as
         * known now.
         */
        public Map<String, CriteriaSet> setsOn(LocalDate on, Instant knownAt) {
            Map<String, CriteriaSet> sets = new LinkedHashMap<>();
            versions.forEach((code, list) -> {
                List<CriteriaSet> candidates = known(list, knownAt);
                sets.put(code, Catalogue.inForce(candidates, on).orElseGet(() -> candidates.stream()
                        .filter(s -> !s.effectiveFrom().isAfter(on)).reduce((a, b) -> b).orElse(candidates.get(0))));
            });
            return sets;
        }

        /** The version of a set in force on {@code on} as known at {@code knownAt}; empty when none covers it. */
        public Optional<CriteriaSet> inForce(String code, LocalDate on, Instant knownAt) {
            List<Known> list = versions.get(code);
            return list == null ? Optional.empty() : Catalogue.inForce(known(list, knownAt), on);
        }

        /**
         * An indicator's name in Vietnamese ({@code vi}) or English as set version {@code version} gives it (the
         * latest version when that one is not known or does not have it); null when the set or indicator is unknown.
         */
        public String indicatorName(String set, Integer version, String indicator, String lang) {
            String name = Catalogue.indicatorName(version(set, version), indicator, lang);
            return name != null ? name : Catalogue.indicatorName(latest.get(set), indicator, lang);
        }

        /** The versions known at {@code knownAt} (all when none was), each ending where the next one begins. */
        private static List<CriteriaSet> known(List<Known> list, Instant knownAt) {
            List<Known> known = knownAt == null ? list : list.stream()
                    .filter(k -> k.recordedAt() == null || !k.recordedAt().isAfter(knownAt)).toList();
            return effective(known.isEmpty() ? list : known);
        }
    }

    private static Optional<CriteriaSet> inForce(List<CriteriaSet> versions, LocalDate on) {
        return versions.stream().filter(s -> s.covers(on)).max(Comparator.comparingInt(CriteriaSet::version));
    }

    /** The versions with each one's end as the next one makes it. */
    private static List<CriteriaSet> effective(List<Known> versions) {
        List<CriteriaSet> out = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            CriteriaSet s = versions.get(i).set();
            LocalDate end = versions.get(i).publishedEffectiveTo();
            if (i + 1 < versions.size()) {
                LocalDate next = versions.get(i + 1).set().effectiveFrom().minusDays(1);
                end = end == null || end.isAfter(next) ? next : end;
            }
            out.add(new CriteriaSet(s.code(), s.version(), s.titleVi(), s.titleEn(), s.level(), s.legalBasis(),
                    s.effectiveFrom(), end, s.criteria()));
        }
        return out;
    }

    private Versions snapshot() {
        String fingerprint = jdbc.queryForObject("""
                select coalesce(string_agg(code || ':' || version, ',' order by code, version), '')
                from criteria_set_view""", String.class);
        Versions current = snapshot;
        if (!current.fingerprint.equals(fingerprint)) {
            Map<String, List<Known>> versions = new LinkedHashMap<>();
            jdbc.query("""
                    select code, version, title_vi, title_en, level, legal_basis, effective_from, effective_to,
                           catalogue::text, recorded_at
                    from criteria_set_view
                    order by min(effective_from) over (partition by code), code, version""", rs -> {
                LocalDate effectiveTo = rs.getObject(8, LocalDate.class);
                versions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Known(
                        new CriteriaSet(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), effectiveTo,
                                criteria(json.readTree(rs.getString(9)))),
                        effectiveTo, rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()));
            });
            versions.replaceAll((code, list) -> {
                List<CriteriaSet> closed = effective(list);
                List<Known> out = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    out.add(new Known(closed.get(i), list.get(i).publishedEffectiveTo(), list.get(i).recordedAt()));
                }
                return List.copyOf(out);
            });
            current = new Versions(fingerprint, versions);
            snapshot = current;
        }
        return current;
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
        return indicatorName(sets.get(set), indicator, lang);
    }

    private static String indicatorName(CriteriaSet s, String indicator, String lang) {
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
