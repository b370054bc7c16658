package vn.ntm.village.config;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import vn.ntm.support.scheduling.ExclusiveJob;
import vn.ntm.support.scheduling.ExclusiveJobs;
import vn.ntm.village.programme.command.DeadlineWatch;
import vn.ntm.village.programme.command.RevocationPolicy;

/** Wiring of village-service's own settings: the revocation policy's key criteria and the deadline watch's timing. */
@Configuration
@EnableConfigurationProperties(VillageProperties.class)
@EnableScheduling
class VillageConfiguration {

    @Bean
    RevocationPolicy revocationPolicy(VillageProperties properties) {
        return new RevocationPolicy(properties.revocation().keyCriteria());
    }

    /**
     * The deadline watch on one instance at a time, once a check interval across the instances (docs/adr/0017); a
     * check of a province's plans takes seconds, so a lock is given up after ten minutes if its instance died.
     */
    @Bean
    ExclusiveJob deadlineWatchJob(ExclusiveJobs jobs, VillageProperties properties, DeadlineWatch watch) {
        return jobs.job("village-service.deadline-watch", Duration.ofMillis(properties.deadlines().checkEveryMs()),
                Duration.ofMinutes(10), watch::check);
    }

    /** The deadline watch at start (after {@code initial-delay-ms}) and every {@code check-every-ms} after a check. */
    @Bean
    SchedulingConfigurer deadlineWatchSchedule(VillageProperties properties, ExclusiveJob deadlineWatchJob) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(deadlineWatchJob,
                Duration.ofMillis(properties.deadlines().checkEveryMs()),
                Duration.ofMillis(properties.deadlines().initialDelayMs())));
    }
}
