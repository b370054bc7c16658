package vn.ntm.criteria.assessment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ntm.criteria.assessment.query.AssessmentLog;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.query.ThresholdResolver;
import vn.ntm.criteria.unit.KnownUnits;

/** Where one unit stands against one criteria set. */
record StandingView(String unitId, String unitName, String region, String criteriaSet, String titleVi,
                    List<CriterionView> criteria) {

    record CriterionView(String code, String nameVi, String nameEn, String status, List<IndicatorView> indicators) {
    }

    /**
     * @param margin            value minus threshold (positive is better for ≥, negative is better for ≤)
     * @param thresholdVerified false: the threshold is a placeholder, not confirmed against the legal text
     */
    record IndicatorView(String code, String nameVi, String nameEn, String kind, String status, BigDecimal value,
                         Long numerator, Long denominator, Boolean passed, String comparator, BigDecimal threshold,
                         String unit, BigDecimal margin, boolean thresholdVerified, String thresholdSource,
                         LocalDate validOn, String measurementId, String evidenceDocument, String evidenceLink,
                         String evidenceNote, String recordedBy) {
    }

    /** Finds the threshold that applies to an indicator in a year, for the unit the view is about. */
    interface Thresholds {
        Optional<ThresholdResolver.Resolved> of(CriteriaSetDefinition.Indicator indicator, int year);
    }

    static StandingView of(KnownUnits.KnownUnit unit, CriteriaSetDefinition set,
                           Map<String, AssessmentLog.Standing> rows, Thresholds thresholds) {
        List<CriterionView> criteria = set.criteria().stream().map(c -> {
            List<IndicatorView> indicators = c.indicators().stream()
                    .map(i -> indicator(thresholds, i, rows.get(i.code()))).toList();
            return new CriterionView(c.code(), c.nameVi(), c.nameEn(), criterionStatus(indicators), indicators);
        }).toList();
        return new StandingView(unit.id(), unit.name(), unit.region(), set.code(), set.titleVi(), criteria);
    }

    /** One indicator of the set where the unit stands on it, from its rows of the log (see AssessmentLog#standing). */
    static IndicatorView indicator(CriteriaSetDefinition set, String code, Map<String, AssessmentLog.Standing> rows,
                                   Thresholds thresholds) {
        return indicator(thresholds, set.indicator(code).orElseThrow(), rows.get(code));
    }

    /** What is still missing: every criterion not met, with only its indicators that are not met. */
    StandingView gaps() {
        return new StandingView(unitId, unitName, region, criteriaSet, titleVi, criteria.stream()
                .filter(c -> !"MET".equals(c.status()))
                .map(c -> new CriterionView(c.code(), c.nameVi(), c.nameEn(), c.status(),
                        c.indicators().stream().filter(i -> !"MET".equals(i.status())).toList()))
                .toList());
    }

    IndicatorView indicator(String code) {
        return criteria.stream().flatMap(c -> c.indicators().stream()).filter(i -> i.code().equals(code))
                .findFirst().orElseThrow();
    }

    /** Met when all indicators are met; not met as soon as one is not; unknown otherwise. */
    private static String criterionStatus(List<IndicatorView> indicators) {
        if (indicators.isEmpty()) {
            return "UNKNOWN";
        }
        if (indicators.stream().anyMatch(i -> "NOT_MET".equals(i.status()))) {
            return "NOT_MET";
        }
        return indicators.stream().allMatch(i -> "MET".equals(i.status())) ? "MET" : "UNKNOWN";
    }

    private static IndicatorView indicator(Thresholds thresholds, CriteriaSetDefinition.Indicator i,
                                           AssessmentLog.Standing row) {
        LocalDate on = row != null && row.validOn() != null ? row.validOn() : LocalDate.now();
        var threshold = thresholds.of(i, on.getYear());
        BigDecimal thresholdValue = row != null && row.threshold() != null ? row.threshold()
                : threshold.map(ThresholdResolver.Resolved::value).orElse(null);
        boolean verified = threshold.map(ThresholdResolver.Resolved::verified).orElse(i.verified());
        String source = threshold.map(ThresholdResolver.Resolved::source).orElse(i.source());
        MeasuredValue value = row == null ? null : row.value();
        BigDecimal compared = value == null ? null : value.comparable();
        return new IndicatorView(i.code(), i.nameVi(), i.nameEn(), i.kind().name(),
                row == null ? "UNKNOWN" : row.status(), value == null ? null : value.value(),
                value == null ? null : value.numerator(), value == null ? null : value.denominator(),
                value == null ? null : value.passed(), i.comparator() == null ? null : i.comparator().symbol(),
                thresholdValue, i.unit(),
                compared != null && thresholdValue != null ? compared.subtract(thresholdValue) : null, verified, source,
                row == null ? null : row.validOn(), row == null ? null : row.measurementId(),
                row == null ? null : row.evidenceDocument(), row == null ? null : row.evidenceLink(),
                row == null ? null : row.evidenceNote(), row == null ? null : row.recordedBy());
    }
}
