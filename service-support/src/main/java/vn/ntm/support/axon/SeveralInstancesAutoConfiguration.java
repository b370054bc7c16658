package vn.ntm.support.axon;

import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.support.config.InstanceId;
import vn.ntm.support.config.SupportProperties;
import vn.ntm.support.scheduling.SchedulingAutoConfiguration;

/**
 * Several instances of an event-sourced service on one database (docs/adr/0017): the token store names this instance
 * by its {@link InstanceId}, and the {@link SegmentBalancer} shares the streaming processors' segments among the live
 * instances.
 */
@AutoConfiguration(after = SchedulingAutoConfiguration.class,
        beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
                "org.axonframework.springboot.autoconfig.JpaAutoConfiguration"})
@ConditionalOnClass(name = {"org.axonframework.config.Configurer", "jakarta.persistence.EntityManager"})
public class SeveralInstancesAutoConfiguration {

    /** Axon's own default, set here on purpose in ntm-defaults.yml; how it bounds a takeover: docs/adr/0017. */
    static final String CLAIM_TIMEOUT = "axon.eventhandling.tokenstore.claim-timeout";

    /**
     * Axon's JPA token store as its auto-configuration makes it, but claiming as this instance: a claim whose
     * {@code timestamp} is older than the claim timeout is free for another instance to take.
     */
    @Bean
    TokenStore tokenStore(@Qualifier("serializer") Serializer serializer, EntityManagerProvider entityManagers,
                          Environment environment, InstanceId instance) {
        Duration claimTimeout = Binder.get(environment).bind(CLAIM_TIMEOUT, Duration.class)
                .orElse(Duration.ofSeconds(10));
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagers)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(instance.value())
                .build();
    }

    @Bean
    SegmentBalancer segmentBalancer(InstanceId instance, DataSource dataSource,
                                    EventProcessingConfiguration processing, TokenStore tokenStore,
                                    TransactionManager transactions, SupportProperties properties) {
        SupportProperties.Instances instances = properties.instances();
        return new SegmentBalancer(instance.value(), new InstanceHeartbeats(new JdbcTemplate(dataSource)), processing,
                tokenStore, transactions, new SegmentBalancer.Timing(instances.balanceEvery(),
                instances.staleAfter(), instances.releaseFor()));
    }
}
