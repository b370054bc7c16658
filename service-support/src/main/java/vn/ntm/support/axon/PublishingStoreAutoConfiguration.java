package vn.ntm.support.axon;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.ntm.support.messaging.store.PublishedBy;
import vn.ntm.support.messaging.store.PublishingStore;

/**
 * An event-sourced service's event store as its publisher and its topic check know it (docs/adr/0019): every message
 * published carries the store's id ({@link PublishedBy}); the check reads the store through
 * {@link JdbcPublishingStore}. The service's migration V7 makes the store's {@code store_identity} and
 * {@code topic_disagreement} tables.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.axonframework.config.Configurer")
public class PublishingStoreAutoConfiguration {

    @Bean
    PublishingStore publishingStore(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        return new JdbcPublishingStore(jdbc, serializer);
    }

    @Bean
    PublishedBy publishedBy(Environment environment, PublishingStore store) {
        return new PublishedBy(environment.getRequiredProperty("spring.application.name"), store::id);
    }
}
