package vn.ntm.support.messaging;

import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * Retries and dead letters for the consumer bindings in batch mode ({@code batch-mode: true}), where the binder's
 * own (a retry template around each record, {@code enable-dlq}) cannot work: a poll is one call. The binding's
 * container gets an error handler that takes the record a failed poll names
 * ({@link IdempotentConsumer#handlePoll}): the offsets before it are committed, it is retried with back-off
 * ({@code backOff}: today's {@code ntmConsumerRetry}), an {@link UndecodableEvent} not at all, then it is published to
 * the binding's {@code dlq-name} with the {@code kafka_dlt-*} headers {@link DeadLetters} reads (original topic,
 * partition, offset, exception), and the records after it are delivered again.
 *
 * <p>Bindings in record mode are left as they were: the binder keeps their retry template and dead-letter topic.
 */
public class BatchBindingErrors implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(BatchBindingErrors.class);

    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaTemplate<byte[], byte[]> deadLetterTemplate;
    private final BackOff backOff;

    public BatchBindingErrors(String brokers, BackOff backOff) {
        // created on the first dead letter only; acknowledged by every replica, and answered well within the
        // consumer's max.poll.interval.ms, since the container waits for it
        this.producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.deadLetterTemplate = new KafkaTemplate<>(producers);
        this.backOff = backOff;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff binderBackOff) {
        // the binder calls the variant with the binding's properties, below
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff binderBackOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties == null || !properties.isBatchMode()) {
            return;
        }
        if (!properties.isUseNativeDecoding()) {
            // converted as JSON, a poll of byte[] reaches the function as an empty list: records lost, silently
            throw new IllegalStateException("The batch-mode binding " + properties.getBindingName() + " of "
                    + destinationName + " needs use-native-decoding: its consumer reads each record's bytes");
        }
        if (dlqDestinationResolver == null) {
            throw new IllegalStateException("The batch-mode binding " + properties.getBindingName() + " of "
                    + destinationName + " needs enable-dlq and a dlq-name: a record it cannot handle would be lost");
        }
        DeadLetterPublishingRecoverer deadLetters =
                new DeadLetterPublishingRecoverer(deadLetterTemplate, dlqDestinationResolver);
        DefaultErrorHandler errors = new DefaultErrorHandler((record, thrown) -> {
            Exception reason = ConsumerFailures.reason(thrown);
            LOG.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    reason.toString());
            deadLetters.accept(record, reason);
        }, backOff);
        errors.addNotRetryableExceptions(UndecodableEvent.class);
        container.setCommonErrorHandler(errors);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
