package vn.ntm.criteria.assessment.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.api.SetShape;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.criteria.unit.command.KnownUnits;

/**
 * Builds the rule book of one unit against one set: the rules change on the dates a version of the set takes effect
 * or ends, the unit's region, commune group or special status changes, and a year begins for which a threshold (of
 * this set, or of one a relative threshold refers to) is given by year. Between two such dates nothing changes.
 */
@Component
public class RuleBooks {

    private final CriteriaCatalogue catalogue;
    private final KnownUnits units;
    private final IndicatorRules rules;

    RuleBooks(CriteriaCatalogue catalogue, KnownUnits units, IndicatorRules rules) {
        this.catalogue = catalogue;
        this.units = units;
        this.rules = rules;
    }

    public RuleBook of(KnownUnits.KnownUnit unit, CriteriaSetId set) {
        List<CriteriaSetDefinition> versions = catalogue.versions(set);
        List<KnownUnits.Dated> history = units.history(unit.id());
        if (versions.isEmpty()) {
            return new RuleBook(List.of());
        }
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (CriteriaSetDefinition version : versions) {
            dates.add(version.effectiveFrom());
            if (version.effectiveTo() != null) {
                dates.add(version.effectiveTo().plusDays(1));
            }
        }
        history.forEach(h -> dates.add(h.from()));
        yearsOfThresholds(versions).forEach(year -> {
            dates.add(LocalDate.of(year, 1, 1));
            dates.add(LocalDate.of(year + 1, 1, 1));
        });
        LocalDate start = versions.stream().map(CriteriaSetDefinition::effectiveFrom).min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate end = versions.stream().anyMatch(v -> v.effectiveTo() == null) ? null
                : versions.stream().map(v -> v.effectiveTo().plusDays(1)).max(LocalDate::compareTo).orElseThrow();
        List<LocalDate> at = dates.stream().filter(d -> !d.isBefore(start) && (end == null || d.isBefore(end)))
                .toList();
        List<RuleBook.Period> periods = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            LocalDate from = at.get(i);
            LocalDate until = i + 1 < at.size() ? at.get(i + 1) : end;
            CriteriaSetDefinition version = inForce(versions, from);
            if (version == null) {
                continue;
            }
            KnownUnits.KnownUnit asThen = asOn(history, from, unit);
            Map<String, IndicatorRule> byCode = new LinkedHashMap<>();
            version.indicators().forEach(indicator -> byCode.put(indicator.code(),
                    rules.of(asThen, version, indicator, from.getYear())));
            RuleBook.Period last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last != null && Objects.equals(last.until(), from) && last.setVersion() == version.version()
                    && last.rules().equals(byCode)) {
                periods.set(periods.size() - 1, new RuleBook.Period(last.from(), until, last.setVersion(),
                        last.shape(), last.rules()));
            } else {
                periods.add(new RuleBook.Period(from, until, version.version(), SetShape.of(version), byCode));
            }
        }
        return new RuleBook(periods);
    }

    /** The version in force on a date: the latest one that covers it, as the catalogue decides. */
    private static CriteriaSetDefinition inForce(List<CriteriaSetDefinition> versions, LocalDate date) {
        CriteriaSetDefinition found = null;
        for (CriteriaSetDefinition v : versions) {
            if (!date.isBefore(v.effectiveFrom()) && (v.effectiveTo() == null || !date.isAfter(v.effectiveTo()))
                    && (found == null || v.version() > found.version())) {
                found = v;
            }
        }
        return found;
    }

    /** The unit as it stood on a date: its version of then, its first one before it was registered. */
    private static KnownUnits.KnownUnit asOn(List<KnownUnits.Dated> history, LocalDate date,
                                            KnownUnits.KnownUnit latest) {
        KnownUnits.KnownUnit found = history.isEmpty() ? latest : history.get(0).unit();
        for (KnownUnits.Dated version : history) {
            if (!version.from().isAfter(date)) {
                found = version.unit();
            }
        }
        return found;
    }

    /** Years some threshold is given for, in these versions and in the sets their relative thresholds refer to. */
    private TreeSet<Integer> yearsOfThresholds(List<CriteriaSetDefinition> versions) {
        TreeSet<Integer> years = new TreeSet<>();
        TreeSet<String> referred = new TreeSet<>();
        for (CriteriaSetDefinition version : versions) {
            version.indicators().forEach(indicator -> indicator.thresholds().forEach(t -> {
                if (t.year() != null) {
                    years.add(t.year());
                }
                if (t.relativeTo() != null) {
                    referred.add(t.relativeTo().criteriaSet());
                }
            }));
        }
        referred.forEach(code -> catalogue.versions(new CriteriaSetId(code)).forEach(v -> v.indicators()
                .forEach(indicator -> indicator.thresholds().stream().map(CriteriaSetDefinition.Threshold::year)
                        .filter(Objects::nonNull).forEach(years::add))));
        return years;
    }
}
