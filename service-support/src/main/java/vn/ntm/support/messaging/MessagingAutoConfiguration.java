package vn.ntm.support.messaging;

import java.time.Duration;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.context.IntegrationContextUtils;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.annotation.StreamRetryTemplate;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.support.config.SupportProperties;
import vn.ntm.support.messaging.store.PublishedBy;

@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.cloud.stream.config.BindingServiceConfiguration"})
@EnableConfigurationProperties(SupportProperties.class)
public class MessagingAutoConfiguration {

    /** How a failed delivery is retried before it is dead-lettered: 0.5 s, doubling, at most 5 s apart, 4 times. */
    private static final int RETRIES = 4;
    private static final Duration FIRST_RETRY_AFTER = Duration.ofMillis(500);
    private static final double RETRY_MULTIPLIER = 2;
    private static final Duration LONGEST_RETRY_DELAY = Duration.ofSeconds(5);

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(JsonMapper jsonMapper) {
        return new EventCodec(jsonMapper);
    }

    /**
     * Kafka's answers to the asynchronous sends. Every producer binding names {@link SendAcknowledgements#CHANNEL}
     * as its {@code record-metadata-channel} and enables its error channel (see each service's application.yml).
     * A send with no answer after {@code ntm.messaging.ack-timeout} ({@link SupportProperties.Messaging}) counts as
     * failed.
     */
    @Bean
    @ConditionalOnMissingBean
    SendAcknowledgements sendAcknowledgements(SupportProperties properties, BeanFactory beans) {
        SendAcknowledgements acknowledgements = new SendAcknowledgements(properties.messaging().ackTimeout());
        beans.getBean(IntegrationContextUtils.ERROR_CHANNEL_BEAN_NAME, SubscribableChannel.class)
                .subscribe(acknowledgements::failed);
        return acknowledgements;
    }

    @Bean(SendAcknowledgements.CHANNEL)
    SubscribableChannel sendAcknowledged(SendAcknowledgements acknowledgements) {
        DirectChannel channel = new DirectChannel();
        channel.subscribe(acknowledgements::acknowledged);
        return channel;
    }

    /**
     * Waits for each acknowledgement at once unless a batch-aware wait is configured (Axon's, see axon package);
     * stamps each message with its event store where the service has one (axon package).
     */
    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(StreamBridge streamBridge, EventCodec codec, SendAcknowledgements acknowledgements,
                                  ObjectProvider<EventPublisher.AcknowledgementWait> wait,
                                  ObjectProvider<PublishedBy> publishedBy) {
        return new EventPublisher(streamBridge, codec, acknowledgements,
                wait.getIfAvailable(() -> EventPublisher.AcknowledgementWait.NOW), publishedBy.getIfAvailable());
    }

    /**
     * Retries a failed delivery with back-off (the database was busy, a dependency not yet there) — except an
     * {@link UndecodableEvent}, which no retry can fix: that goes straight to the dead-letter topic. Bound to each
     * consumer with {@code retry-template-name: ntmConsumerRetry}.
     */
    @Bean
    @StreamRetryTemplate
    RetryTemplate ntmConsumerRetry() {
        return new RetryTemplate(RetryPolicy.builder()
                .maxRetries(RETRIES)
                .delay(FIRST_RETRY_AFTER)
                .multiplier(RETRY_MULTIPLIER)
                .maxDelay(LONGEST_RETRY_DELAY)
                .excludes(UndecodableEvent.class)
                .build());
    }

    /**
     * The same retries for consumer bindings in batch mode, which the binder cannot retry record by record: the
     * container's error handler does it (see {@link BatchBindingErrors}). Bindings in record mode are left alone.
     */
    @Bean
    @ConditionalOnMissingBean(ListenerContainerCustomizer.class)
    BatchBindingErrors batchBindingErrors(Environment environment) {
        String brokers = environment.getRequiredProperty(SupportProperties.KAFKA_BROKERS);
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(RETRIES);
        backOff.setInitialInterval(FIRST_RETRY_AFTER.toMillis());
        backOff.setMultiplier(RETRY_MULTIPLIER);
        backOff.setMaxInterval(LONGEST_RETRY_DELAY.toMillis());
        return new BatchBindingErrors(brokers, backOff);
    }

    /** Only in services that consume: they name their dead-letter topics in {@code ntm.dead-letter-topics}. */
    @Bean
    @ConditionalOnProperty("ntm.dead-letter-topics")
    DeadLetters deadLetters(Environment environment, SupportProperties properties) {
        return new DeadLetters(environment.getRequiredProperty(SupportProperties.KAFKA_BROKERS),
                properties.deadLetterTopics());
    }

    @Bean
    @ConditionalOnBean(DeadLetters.class)
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotentConsumer idempotentConsumer(EventCodec codec, JdbcTemplate jdbc, TransactionTemplate transaction) {
        return new IdempotentConsumer(codec, jdbc, transaction);
    }
}
