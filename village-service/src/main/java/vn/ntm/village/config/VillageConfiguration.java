package vn.ntm.village.config;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
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

    /** The deadline watch at start (after {@code initial-delay-ms}) and every {@code check-every-ms} after a check. */
    @Bean
    SchedulingConfigurer deadlineWatchSchedule(VillageProperties properties, DeadlineWatch watch) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(watch::check,
                Duration.ofMillis(properties.deadlines().checkEveryMs()),
                Duration.ofMillis(properties.deadlines().initialDelayMs())));
    }
}
