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
import vn.ntm.reporting.generations.command.Replay;

/**
 * The two Spring Cloud Stream consumers: {@code ntm.units} and {@code ntm.criteria}, in batch mode. Each poll is
 * folded into the live read-model generation in one transaction, idempotently by event id, which also notifies the
 * open dashboards of every instance; each change newly committed is then published on {@code ntm.dashboard}. Retries and dead letters: service-support's
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
        return poll -> generations.applyLive(CONSUMERS.get(EventTypes.UNITS_TOPIC), poll.getPayload(),
                announcing(fold, feed), feed::publish);
    }

    @Bean
    Consumer<Message<List<byte[]>>> criteriaEvents(ReadModelGenerations generations, ReadModelFold fold,
                                                   DashboardFeed feed) {
        return poll -> generations.applyLive(CONSUMERS.get(EventTypes.CRITERIA_TOPIC), poll.getPayload(),
                announcing(fold, feed), feed::publish);
    }

    /**
     * The fold of a live poll, which also notifies every instance's open dashboards in its transaction (delivered on
     * commit, ADR 18); a replay folds without announcing.
     */
    private static Replay.Fold announcing(ReadModelFold fold, DashboardFeed feed) {
        return events -> {
            fold.acceptAll(events);
            feed.notifyInFold(events);
        };
    }
}
