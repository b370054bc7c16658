package vn.ntm.criteria.config;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import vn.ntm.criteria.assessment.command.VersionActivation;
import vn.ntm.support.scheduling.ExclusiveJob;
import vn.ntm.support.scheduling.ExclusiveJobs;

/**
 * Wiring of criteria-service's own settings: the version activation's timing (the assessment cache's size is read by
 * AssessmentCacheConfiguration).
 */
@Configuration
@EnableConfigurationProperties(CriteriaProperties.class)
@EnableScheduling
class CriteriaConfiguration {

    /**
     * The version activation on one instance at a time, once an interval across the instances (docs/adr/0017). A
     * version judges every assessment of its set again, minutes for a province's at most: a lock is given up after
     * thirty if its instance died. The call right after an amendment (CriteriaSetController) stays unlocked: it must
     * answer with the new version applied, and judging an assessment again under rules it has changes nothing.
     */
    @Bean
    ExclusiveJob versionActivationJob(ExclusiveJobs jobs, CriteriaProperties properties,
                                      VersionActivation activation) {
        return jobs.job("criteria-service.version-activation", properties.activationInterval(),
                Duration.ofMinutes(30), activation::activateDue);
    }

    /** Ten seconds after start, then every {@code activation-interval} after a check ends. */
    @Bean
    SchedulingConfigurer versionActivationSchedule(CriteriaProperties properties, ExclusiveJob versionActivationJob) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(versionActivationJob,
                properties.activationInterval(), Duration.ofSeconds(10)));
    }
}
