package vn.ntm.criteria.config;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * criteria-service's own settings, under {@code ntm.criteria}; each default is stated here once.
 *
 * @param assessmentCacheSize assessments kept in memory between commands; a province's communes fit in the default.
 *                            An assessment holds its measurements, so this bounds memory too (about 1 KB per
 *                            measurement)
 * @param activationInterval  how often published versions not yet applied to their assessments are looked for
 *                            (one whose publication raced the check after it; see VersionActivation)
 */
@Validated
@ConfigurationProperties("ntm.criteria")
public record CriteriaProperties(@Positive @DefaultValue("256") int assessmentCacheSize,
                                 @NotNull @DefaultValue("PT1M") Duration activationInterval) {
}
