package vn.ntm.support.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import vn.ntm.support.messaging.EventPublisher;

/**
 * Axon wiring shared by the event-sourced services.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration"})
@ConditionalOnClass(name = "org.axonframework.config.Configurer")
public class AxonSupportAutoConfiguration {

    /** The processing group that translates stored events to Kafka. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";

    /**
     * The Jackson 2 mapper Axon serializes events with (Spring Boot 4 itself uses Jackson 3). Readable JSON in
     * {@code bytea}, ISO dates, and unknown properties ignored so that events may only grow.
     */
    @Bean
    ObjectMapper axonEventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * Event handler failures propagate instead of being logged and skipped (Axon's default). A subscribing
     * projection's failure rolls the command back; a streaming processor's failure (Kafka down) keeps its token and
     * retries with back-off, so nothing stored is ever skipped on its way to Kafka.
     */
    @Bean
    ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /**
     * Commands that lose an optimistic-locking race on an aggregate (two service instances appending the same
     * sequence number, or creating the same aggregate) are retried ({@link LostRaceRetries}): the retry sees the winner's events and applies its rules to them. Every other
     * failure — a broken rule above all — is final and reaches the caller at once. A command still losing after
     * three retries leaves as a 409 (see {@link AxonProblemHandler}), never as a lost update.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(LostRaceRetries.of(commandRetryExecutor, 3, 100))
                .build();
    }

    /** The Kafka publisher awaits its sends' acknowledgements once per batch, before the token moves. */
    @Bean
    EventPublisher.AcknowledgementWait acknowledgedBeforeCommit() {
        return new AcknowledgedBeforeCommit();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor();
    }

    /**
     * The processing groups configured with {@code axon.eventhandling.processors.<group>.dlq.enabled: true}: a
     * handler failure parks the event (and its sequence) in {@code dead_letter_entry} instead of failing. Never the
     * Kafka publisher: skipping an event there would lose it on its way out (docs/adr/0009).
     */
    static Set<String> deadLetteringGroups(EventProcessorProperties properties) {
        Set<String> groups = properties.getProcessors().entrySet().stream()
                .filter(e -> e.getValue().getDlq() != null && e.getValue().getDlq().isEnabled())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        if (groups.contains(KAFKA_PUBLISHER)) {
            throw new IllegalStateException("The " + KAFKA_PUBLISHER + " processor must not dead-letter: an event it"
                    + " skipped would never reach Kafka. Remove axon.eventhandling.processors." + KAFKA_PUBLISHER
                    + ".dlq.enabled (see docs/adr/0009).");
        }
        return groups;
    }

    @Bean
    HandlerEnhancerDefinition savepointPerEventHandler(EventProcessorProperties properties, DataSource dataSource) {
        return new SavepointPerEventHandler(deadLetteringGroups(properties), dataSource);
    }

    @Bean
    EventHandlerDeadLetters eventHandlerDeadLetters(EventProcessingConfiguration processing,
                                                    TransactionManager transactions,
                                                    EventProcessorProperties properties) {
        return new EventHandlerDeadLetters(processing, transactions, deadLetteringGroups(properties));
    }

    @Bean
    EventHandlerDeadLetterController eventHandlerDeadLetterController(EventHandlerDeadLetters deadLetters) {
        return new EventHandlerDeadLetterController(deadLetters);
    }

    @Bean
    AxonProblemHandler axonProblemHandler(org.springframework.context.MessageSource problemMessages) {
        return new AxonProblemHandler(problemMessages);
    }
}
