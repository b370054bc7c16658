package vn.ntm.criteria.catalogue.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A criteria set (bộ tiêu chí) as data: what a provincial administrator publishes, and the file format of the shipped
 * sets under {@code criteria-sets/}. Every threshold says where it comes from and whether it was checked against
 * the legal text; an unverified one is shown as such, never as law.
 *
 * @param skeleton true for a set whose structure is known only in part (no legal text was available): it is shown,
 *                 but nothing can be assessed against it until an administrator publishes it complete
 */
public record CriteriaSetDefinition(
        @NotBlank @Size(max = 64) String code,
        @Positive int version,
        @NotBlank @Size(max = 300) String titleVi,
        @Size(max = 300) String titleEn,
        @NotNull CriteriaSetLevel level,
        @NotBlank @Size(max = 100) String scope,
        @NotBlank @Size(max = 300) String legalBasis,
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @Size(max = 2000) String provenance,
        boolean skeleton,
        @NotNull List<@Valid Criterion> criteria) {

    public CriteriaSetDefinition {
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
    }

    /** tiêu chí: met when all its indicators are met. */
    public record Criterion(@NotBlank @Size(max = 16) String code, @NotBlank @Size(max = 500) String nameVi,
                            @Size(max = 500) String nameEn, boolean nameVerified,
                            List<@Valid Indicator> indicators) {
        public Criterion {
            indicators = List.copyOf(indicators == null ? List.of() : indicators);
        }
    }

    /**
     * chỉ tiêu.
     *
     * @param verified   whether the indicator's wording (and, for pass/fail, its rule) was checked against a source
     * @param source     where it comes from
     * @param thresholds for NUMBER and RATE: the values by context; empty when not yet known (status stays unknown)
     */
    public record Indicator(@NotBlank @Size(max = 16) String code, @NotBlank @Size(max = 500) String nameVi,
                            @Size(max = 500) String nameEn, @NotNull IndicatorKind kind,
                            Comparator comparator, @Size(max = 100) String unit, boolean verified, @Size(max = 2000) String source,
                            List<@Valid Threshold> thresholds) {
        public Indicator {
            thresholds = List.copyOf(thresholds == null ? List.of() : thresholds);
        }
    }

    /**
     * One threshold and the context it applies to. A null dimension applies to every value of it; the most
     * specific matching threshold wins. The value is either a number or {@code factor} times another indicator's
     * threshold for the same context (the model commune's income is at least 110% of the advanced commune's).
     *
     * @param region       socio-economic region code (2021–2025 sets), e.g. TDMNPB
     * @param communeGroup commune group 1–3 (2026–2030 set)
     * @param year         year of assessment (income thresholds change every year)
     */
    public record Threshold(String region, Integer communeGroup, Integer year, BigDecimal value,
                            @Valid RelativeTo relativeTo, BigDecimal factor, boolean verified,
                            @Size(max = 2000) String source) {

        int specificity() {
            return (region == null ? 0 : 1) + (communeGroup == null ? 0 : 1) + (year == null ? 0 : 1);
        }

        boolean appliesTo(String unitRegion, Integer unitGroup, int assessmentYear) {
            return (region == null || region.equals(unitRegion))
                    && (communeGroup == null || communeGroup.equals(unitGroup))
                    && (year == null || year == assessmentYear);
        }
    }

    /** The threshold of another set's indicator that a relative threshold is a multiple of. */
    public record RelativeTo(@NotBlank String criteriaSet, @NotBlank String indicator) {
    }

    public Stream<Indicator> indicators() {
        return criteria.stream().flatMap(c -> c.indicators().stream());
    }

    public Optional<Criterion> criterionOf(String indicatorCode) {
        return criteria.stream().filter(c -> c.indicators().stream().anyMatch(i -> i.code().equals(indicatorCode)))
                .findFirst();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The threshold that governs a unit in this context, if any is known. */
    public static Optional<Threshold> thresholdFor(Indicator indicator, String region, Integer group, int year) {
        return indicator.thresholds().stream()
                .filter(t -> t.appliesTo(region, group, year))
                .max(java.util.Comparator.comparingInt(Threshold::specificity));
    }

    public CriteriaSetDefinition withEffectiveTo(LocalDate end) {
        return new CriteriaSetDefinition(code, version, titleVi, titleEn, level, scope, legalBasis, effectiveFrom, end,
                provenance, skeleton, criteria);
    }
}
