package vn.ntm.support.messaging.store;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.support.config.SupportProperties;

/**
 * Which event store and which topics belong together, checked at start and in readiness (docs/adr/0019). A service
 * with an event store names its topic in {@code ntm.store-check.topic} (its {@link PublishingStore} comes from the
 * axon package); a service that rebuilds from topics names them in {@code ntm.store-check.histories-of}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(SupportProperties.class)
public class StoreTopicsAutoConfiguration {

    @Bean
    @ConditionalOnProperty("ntm.store-check.topic")
    StoreTopicCheck storeTopicCheck(SupportProperties properties, ObjectProvider<PublishingStore> store,
                                    Environment environment, JsonMapper json) {
        SupportProperties.StoreCheck check = properties.storeCheck();
        PublishingStore publishing = store.getIfAvailable(() -> {
            throw new IllegalStateException("ntm.store-check.topic names " + check.topic()
                    + ", but this service has no event store to compare it with");
        });
        return new StoreTopicCheck(check.topic(), environment.getRequiredProperty("spring.application.name"),
                publishing, reader(environment, json, check), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty("ntm.store-check.histories-of")
    TopicHistories topicHistories(SupportProperties properties, Environment environment, JsonMapper json) {
        SupportProperties.StoreCheck check = properties.storeCheck();
        return new TopicHistories(check.historiesOf(), reader(environment, json, check), Clock.systemUTC());
    }

    /** {@code storeTopics} in the readiness group (ntm-defaults.yml); UP in a service that checks nothing. */
    @Bean
    StoreTopicsHealth storeTopicsHealthIndicator(ObjectProvider<StoreTopicCheck> own,
                                                 ObjectProvider<TopicHistories> histories,
                                                 SupportProperties properties) {
        return new StoreTopicsHealth(own.getIfAvailable(), histories.getIfAvailable(),
                properties.storeCheck().recheckAfter(), Clock.systemUTC());
    }

    private static TopicEndsReader reader(Environment environment, JsonMapper json,
                                          SupportProperties.StoreCheck check) {
        return new TopicEndsReader(environment.getRequiredProperty(SupportProperties.KAFKA_BROKERS), json,
                check.timeout());
    }
}
