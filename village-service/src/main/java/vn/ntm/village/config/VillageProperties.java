package vn.ntm.village.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * village-service's own settings, under {@code ntm}; each default is stated here once (application.yml states only
 * the key criteria, which are data of the criteria sets).
 *
 * @param deadlines  when the deadline watch runs
 * @param revocation the revocation rule of decision 18/2022/QĐ-TTg
 */
@Validated
@ConfigurationProperties("ntm")
public record VillageProperties(@Valid @DefaultValue Deadlines deadlines, @Valid @DefaultValue Revocation revocation) {

    /**
     * @param initialDelayMs milliseconds after start before the first check (tests set it far off and call the watch)
     * @param checkEveryMs   milliseconds between the end of one check and the next
     */
    public record Deadlines(@Positive @DefaultValue("5000") long initialDelayMs,
                            @Positive @DefaultValue("60000") long checkEveryMs) {
    }

    /**
     * @param keyCriteria criteria set code → the codes of its key criteria (Thu nhập, Môi trường…, Quốc phòng và An
     *                    ninh); a set not listed has none, so only its 50% trigger applies
     */
    public record Revocation(@NotNull @DefaultValue Map<String, List<String>> keyCriteria) {
    }
}
