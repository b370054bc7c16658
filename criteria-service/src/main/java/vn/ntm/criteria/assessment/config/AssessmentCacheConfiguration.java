package vn.ntm.criteria.assessment.config;

import org.axonframework.common.caching.Cache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ntm.criteria.config.CriteriaProperties;

/**
 * Recently used assessments stay in memory between commands. Without it every measurement replays the whole history
 * of its assessment from the event store — the cost of a command then grows with the years of measurements (the
 * benchmark's profile showed a third of criteria-service's CPU there). Safe with several instances: an instance
 * holding a stale assessment fails its append on the sequence number, Axon drops the entry on that rollback, and
 * the gateway's retry reloads it from the store.
 */
@Configuration
class AssessmentCacheConfiguration {

    /** Holds {@code ntm.criteria.assessment-cache-size} assessments (CriteriaProperties). */
    @Bean
    Cache assessmentCache(CriteriaProperties properties) {
        return new LeastRecentlyUsedCache(properties.assessmentCacheSize());
    }
}
