package vn.ntm.support.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

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
     * sequence number) are retried: the retry sees the winner's events and applies its rules to them. Every other
     * failure — a broken rule above all — is final and reaches the caller at once. A command still losing after
     * three retries leaves as a 409 (see {@link AxonProblemHandler}), never as a lost update.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .maxRetryCount(3)
                        .retryInterval(100)
                        .nonTransientFailurePredicate(failure -> !(failure instanceof ConcurrencyException))
                        .build())
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor();
    }

    @Bean
    AxonProblemHandler axonProblemHandler(org.springframework.context.MessageSource problemMessages) {
        return new AxonProblemHandler(problemMessages);
    }
}
