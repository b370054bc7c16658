package vn.ntm.criteria.assessment.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that judge one unit against one criteria set over valid time: consecutive periods, each with the set
 * version in force and every indicator's rule for the unit's region, commune group and special status as they
 * stood then (and, for thresholds by year, the year). Resolved from the catalogue and the unit's history before a
 * command is sent; the assessment keeps the one it was last given, and a different one is itself a change of the
 * facts (a version published, a unit's attributes changed on a date).
 *
 * @param periods in date order, none overlapping (a gap between versions of a set has no rules); none before the
 *                set's first version
 */
public record RuleBook(List<Period> periods) {

    public RuleBook {
        periods = List.copyOf(periods);
        for (int i = 1; i < periods.size(); i++) {
            LocalDate before = periods.get(i - 1).until();
            if (before == null || periods.get(i).from().isBefore(before)) {
                throw new IllegalArgumentException("Rule book periods must not overlap: " + periods);
            }
        }
    }

    /**
     * One stretch of valid time with the same rules.
     *
     * @param until exclusive; null for the last period of a set still in force
     * @param shape the criteria and their indicators in {@code setVersion}
     * @param rules every indicator of the shape, by code
     */
    public record Period(LocalDate from, LocalDate until, int setVersion, SetShape shape,
                         Map<String, IndicatorRule> rules) {

        public Period {
            rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        }

        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && (until == null || date.isBefore(until));
        }
    }

    public static RuleBook of(Period... periods) {
        return new RuleBook(List.of(periods));
    }

    /** The period that governs {@code date}, if the set is in force then. */
    public Optional<Period> on(LocalDate date) {
        for (Period period : periods) {
            if (period.covers(date)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** The first date the set is in force (its first version's start). */
    public LocalDate start() {
        return periods.isEmpty() ? null : periods.get(0).from();
    }

    /** The first date after the set's last version ends; null while it is in force. */
    public LocalDate end() {
        return periods.isEmpty() ? null : periods.get(periods.size() - 1).until();
    }

    /** Every date a period starts or ends on. */
    public Set<LocalDate> boundaries() {
        Set<LocalDate> dates = new LinkedHashSet<>();
        for (Period period : periods) {
            dates.add(period.from());
            if (period.until() != null) {
                dates.add(period.until());
            }
        }
        return dates;
    }

    /** Every indicator of any version, in order of first appearance. */
    public List<String> indicators() {
        Set<String> codes = new LinkedHashSet<>();
        periods.forEach(p -> p.shape().indicatorsByCriterion().values().forEach(codes::addAll));
        return new ArrayList<>(codes);
    }

    /** Every criterion of any version, in order of first appearance. */
    public List<String> criteria() {
        Set<String> codes = new LinkedHashSet<>();
        periods.forEach(p -> codes.addAll(p.shape().indicatorsByCriterion().keySet()));
        return new ArrayList<>(codes);
    }

    /** Equal for equal rule books (the records' text names every period, shape and rule): what an assessment keeps. */
    public String digest() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
