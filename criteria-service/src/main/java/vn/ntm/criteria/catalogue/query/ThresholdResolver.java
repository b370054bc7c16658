package vn.ntm.criteria.catalogue.query;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition.Threshold;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.command.CriteriaSetLookup;

/**
 * The threshold that governs one indicator for a unit in a year: the most specific match by region, commune group
 * and year, with a relative threshold (×1.1 of another set's indicator) worked out for the same context.
 */
@Component
public class ThresholdResolver {

    private final CriteriaSetLookup catalogue;

    public ThresholdResolver(CriteriaSetLookup catalogue) {
        this.catalogue = catalogue;
    }

    /** A threshold as applied: null value when it is not known (yet). */
    public record Resolved(BigDecimal value, boolean verified, String source) {
    }

    public Optional<Resolved> resolve(CriteriaSetDefinition.Indicator indicator, String region, Integer group,
                                      int year) {
        return CriteriaSetDefinition.thresholdFor(indicator, region, group, year).map(t -> resolve(t, region, group, year));
    }

    private Resolved resolve(Threshold threshold, String region, Integer group, int year) {
        if (threshold.relativeTo() == null) {
            return new Resolved(threshold.value(), threshold.verified(), threshold.source());
        }
        Optional<Resolved> base = catalogue.find(new CriteriaSetId(threshold.relativeTo().criteriaSet()))
                .flatMap(set -> set.indicator(threshold.relativeTo().indicator()))
                .flatMap(indicator -> CriteriaSetDefinition.thresholdFor(indicator, region, group, year))
                .filter(t -> t.relativeTo() == null)
                .map(t -> new Resolved(t.value(), t.verified(), t.source()));
        String source = threshold.source() + " | " + threshold.factor() + " × " + threshold.relativeTo().criteriaSet()
                + " / " + threshold.relativeTo().indicator() + base.map(b -> ": " + b.source()).orElse(": not known");
        return new Resolved(base.map(b -> b.value().multiply(threshold.factor())).orElse(null),
                threshold.verified() && base.map(Resolved::verified).orElse(false), source);
    }
}
