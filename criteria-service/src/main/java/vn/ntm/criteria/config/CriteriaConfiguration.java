package vn.ntm.criteria.config;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import vn.ntm.criteria.assessment.command.VersionActivation;

/**
 * Wiring of criteria-service's own settings: the version activation's timing (the assessment cache's size is read by
 * AssessmentCacheConfiguration).
 */
@Configuration
@EnableConfigurationProperties(CriteriaProperties.class)
@EnableScheduling
class CriteriaConfiguration {

    /** Ten seconds after start, then every {@code activation-interval} after a check ends. */
    @Bean
    SchedulingConfigurer versionActivationSchedule(CriteriaProperties properties, VersionActivation activation) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(activation::activateDue,
                properties.activationInterval(), Duration.ofSeconds(10)));
    }
}
