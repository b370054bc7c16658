package vn.ntm.criteria.assessment.command;

import org.springframework.stereotype.Component;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.query.ThresholdResolver;
import vn.ntm.criteria.unit.command.KnownUnits;

/** Builds the rule one indicator of one set version sets for one unit in one year, with its provenance. */
@Component
public class IndicatorRules {

    private final ThresholdResolver thresholds;

    IndicatorRules(ThresholdResolver thresholds) {
        this.thresholds = thresholds;
    }

    public IndicatorRule of(KnownUnits.KnownUnit unit, CriteriaSetDefinition set,
                            CriteriaSetDefinition.Indicator indicator, int year) {
        var threshold = thresholds.resolve(indicator, unit.thresholdRegion(), unit.communeGroup(), year);
        return new IndicatorRule(new CriteriaSetId(set.code()), set.criterionOf(indicator.code()).orElseThrow().code(),
                indicator.code(), indicator.kind(), indicator.comparator(), indicator.unit(),
                threshold.map(ThresholdResolver.Resolved::value).orElse(null),
                threshold.map(ThresholdResolver.Resolved::verified).orElse(indicator.verified()),
                threshold.map(ThresholdResolver.Resolved::source).orElse(indicator.source()),
                set.effectiveFrom(), set.effectiveTo(), set.version());
    }
}
