package vn.ntm.contracts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A criteria set (bộ tiêu chí) version was published. Carries the whole catalogue so consumers can label and
 * explain statuses without calling criteria-service. {@code skeleton}: known only in part, not yet assessable.
 */
public record CriteriaSetPublished(String criteriaSetId, String code, int version, String titleVi, String titleEn,
                                   String level, String legalBasis, LocalDate effectiveFrom, LocalDate effectiveTo,
                                   List<Criterion> criteria, boolean skeleton) implements IntegrationPayload {

    @Override
    public String partitionKey() {
        return criteriaSetId;
    }

    public record Criterion(String code, String nameVi, String nameEn, List<Indicator> indicators) {
    }

    public record Indicator(String code, String nameVi, String nameEn, String kind, String comparator, String unit,
                            List<Threshold> thresholds) {
    }

    /**
     * One threshold, with the context it applies to and where it comes from: a value, or {@code factor} times the
     * threshold of {@code relativeToIndicator} in {@code relativeToSet} for the same context.
     */
    public record Threshold(String region, Integer communeGroup, Integer year, BigDecimal value, boolean verified,
                            String source, String relativeToSet, String relativeToIndicator, BigDecimal factor) {
    }
}
