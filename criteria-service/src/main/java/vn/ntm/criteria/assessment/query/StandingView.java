package vn.ntm.criteria.assessment.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.ntm.criteria.assessment.query.AssessmentLog;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.query.ThresholdResolver;
import vn.ntm.criteria.unit.command.KnownUnits;

/**
 * Where one unit stands against one criteria set on a date ({@code asOf}), by the set version in force that day.
 *
 * @param status        the set's status on {@code asOf} as criteria-service published it (UNKNOWN when nothing is known)
 * @param criteriaMet   criteria met on {@code asOf}, of {@code criteriaTotal} in the version in force
 * @param criteriaNotMet criteria not met on {@code asOf} (unknown ones are neither met nor listed here)
 */
public record StandingView(String unitId, String unitName, String region, String criteriaSet, String titleVi,
                    int setVersion, LocalDate asOf, String status, int criteriaMet, int criteriaTotal,
                    List<String> criteriaNotMet, List<CriterionView> criteria) {

    public record CriterionView(String code, String nameVi, String nameEn, String status,
                                List<IndicatorView> indicators) {
    }

    /**
     * @param value             the number the rule compares with its threshold: the value measured, or for a rate
     *                          recorded as counts the percentage {@code numerator × 100 / denominator} (rounded down to
     *                          {@value StandingView#DECIMALS} decimals); null for a pass/fail indicator
     * @param numerator         a rate's counts, as recorded (null when the rate was recorded as a percentage)
     * @param margin            how far the value is from failing, for every comparator alike: positive = met with
     *                          that much to spare, 0 = met just, negative = short by that much (for ≥ value minus
     *                          threshold, for ≤ threshold minus value, for = minus the difference); from the exact
     *                          value; for a computed percentage rounded toward minus infinity to
     *                          {@value StandingView#DECIMALS} decimals, so a shortfall never shows as 0
     * @param thresholdVerified false: the threshold is a placeholder, not confirmed against the legal text
     */
    public record IndicatorView(String code, String nameVi, String nameEn, String kind, String status,
                                BigDecimal value, Long numerator, Long denominator, Boolean passed,
                                String comparator, BigDecimal threshold, String unit, BigDecimal margin,
                                boolean thresholdVerified, String thresholdSource, LocalDate validOn,
                                String measurementId, String evidenceDocument, String evidenceLink,
                                String evidenceNote, String recordedBy) {
    }

    /** Decimals of a percentage computed from counts, and of its margin. */
    static final int DECIMALS = 2;

    /** Finds the threshold that applies to an indicator in a year, for the unit the view is about. */
    interface Thresholds {
        Optional<ThresholdResolver.Resolved> of(CriteriaSetDefinition.Indicator indicator, int year);
    }

    static StandingView of(KnownUnits.KnownUnit unit, CriteriaSetDefinition set,
                           Map<String, AssessmentLog.Standing> rows, Optional<AssessmentLog.SetStanding> standing,
                           Thresholds thresholds, LocalDate asOf) {
        Map<String, String> criterionStatuses = standing.map(AssessmentLog.SetStanding::criteria).orElse(Map.of());
        List<CriterionView> criteria = set.criteria().stream().map(c -> {
            List<IndicatorView> indicators = c.indicators().stream()
                    .map(i -> indicator(thresholds, i, rows.get(i.code()), asOf)).toList();
            return new CriterionView(c.code(), c.nameVi(), c.nameEn(),
                    criterionStatuses.getOrDefault(c.code(), "UNKNOWN"), indicators);
        }).toList();
        return new StandingView(unit.id(), unit.name(), unit.region(), set.code(), set.titleVi(), set.version(),
                asOf, standing.map(AssessmentLog.SetStanding::status).orElse("UNKNOWN"),
                standing.map(AssessmentLog.SetStanding::criteriaMet).orElse(0), set.criteria().size(),
                standing.map(AssessmentLog.SetStanding::criteriaNotMet).orElse(List.of()), criteria);
    }

    /** One indicator of the set where the unit stands on it, from its rows of the log (see AssessmentLog#standing). */
    static IndicatorView indicator(CriteriaSetDefinition set, String code, Map<String, AssessmentLog.Standing> rows,
                                   Thresholds thresholds, LocalDate asOf) {
        return set.indicator(code).map(i -> indicator(thresholds, i, rows.get(code), asOf)).orElse(null);
    }

    /** What is still missing: every criterion not met, with only its indicators that are not met. */
    public StandingView gaps() {
        return new StandingView(unitId, unitName, region, criteriaSet, titleVi, setVersion, asOf, status,
                criteriaMet, criteriaTotal, criteriaNotMet, criteria.stream()
                .filter(c -> !"MET".equals(c.status()))
                .map(c -> new CriterionView(c.code(), c.nameVi(), c.nameEn(), c.status(),
                        c.indicators().stream().filter(i -> !"MET".equals(i.status())).toList()))
                .toList());
    }

    public IndicatorView indicator(String code) {
        return criteria.stream().flatMap(c -> c.indicators().stream()).filter(i -> i.code().equals(code))
                .findFirst().orElse(null);
    }

    private static IndicatorView indicator(Thresholds thresholds, CriteriaSetDefinition.Indicator i,
                                           AssessmentLog.Standing row, LocalDate asOf) {
        var threshold = thresholds.of(i, asOf.getYear());
        BigDecimal thresholdValue = row != null && row.threshold() != null ? row.threshold()
                : threshold.map(ThresholdResolver.Resolved::value).orElse(null);
        boolean verified = threshold.map(ThresholdResolver.Resolved::verified).orElse(i.verified());
        String source = threshold.map(ThresholdResolver.Resolved::source).orElse(i.source());
        MeasuredValue value = row == null ? null : row.value();
        BigDecimal compared = value == null ? null : value.comparable();
        boolean computed = value != null && value.isCounts();
        BigDecimal margin = compared != null && thresholdValue != null && i.comparator() != null
                ? i.comparator().margin(compared, thresholdValue) : null;
        return new IndicatorView(i.code(), i.nameVi(), i.nameEn(), i.kind().name(),
                row == null ? "UNKNOWN" : row.status(),
                computed ? compared.setScale(DECIMALS, RoundingMode.DOWN) : compared,
                value == null ? null : value.numerator(), value == null ? null : value.denominator(),
                value == null ? null : value.passed(), i.comparator() == null ? null : i.comparator().symbol(),
                thresholdValue, i.unit(),
                computed && margin != null ? margin.setScale(DECIMALS, RoundingMode.FLOOR) : margin, verified, source,
                row == null ? null : row.validOn(), row == null ? null : row.measurementId(),
                row == null ? null : row.evidenceDocument(), row == null ? null : row.evidenceLink(),
                row == null ? null : row.evidenceNote(), row == null ? null : row.recordedBy());
    }
}
