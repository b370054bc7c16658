package vn.ntm.reporting.generations.messaging;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.ntm.contracts.EventTypes;
import vn.ntm.reporting.feed.messaging.DashboardFeed;
import vn.ntm.reporting.generations.command.ReadModelGenerations;

/**
 * The two Spring Cloud Stream consumers: {@code ntm.units} and {@code ntm.criteria}, in batch mode. Each poll is
 * folded into the live read-model generation in one transaction, idempotently by event id; each change newly
 * committed is then announced on the dashboard feed. Retries and dead letters: service-support's
 * {@code BatchBindingErrors}.
 */
@Configuration
class ReportingBindings {

    /** The consumer name each topic's events are recorded under in {@code processed_event}. */
    static final Map<String, String> CONSUMERS = Map.of(
            EventTypes.UNITS_TOPIC, "reporting-units",
            EventTypes.CRITERIA_TOPIC, "reporting-criteria");

    @Bean
    Consumer<Message<List<byte[]>>> unitEvents(ReadModelGenerations generations, ReadModelFold fold,
                                               DashboardFeed feed) {
        return poll -> generations.applyLive(CONSUMERS.get(EventTypes.UNITS_TOPIC), poll.getPayload(), fold,
                feed::announce);
    }

    @Bean
    Consumer<Message<List<byte[]>>> criteriaEvents(ReadModelGenerations generations, ReadModelFold fold,
                                                   DashboardFeed feed) {
        return poll -> generations.applyLive(CONSUMERS.get(EventTypes.CRITERIA_TOPIC), poll.getPayload(), fold,
                feed::announce);
    }
}
