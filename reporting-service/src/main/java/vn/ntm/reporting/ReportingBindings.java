package vn.ntm.reporting;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.ntm.reporting.feed.DashboardFeed;
import vn.ntm.reporting.statuses.StatusProjection;
import vn.ntm.reporting.units.UnitProjection;
import vn.ntm.support.messaging.IdempotentConsumer;

/**
 * The two Spring Cloud Stream consumers: {@code ntm.units} and {@code ntm.criteria}, each idempotent by event id;
 * a change newly committed to the read models is then announced on the dashboard feed.
 */
@Configuration
class ReportingBindings {

    @Bean
    Consumer<Message<byte[]>> unitEvents(IdempotentConsumer consumer, UnitProjection units, DashboardFeed feed) {
        return message -> consumer.handle("reporting-units", message, units::apply).ifPresent(feed::announce);
    }

    @Bean
    Consumer<Message<byte[]>> criteriaEvents(IdempotentConsumer consumer, StatusProjection statuses,
                                             DashboardFeed feed) {
        return message -> consumer.handle("reporting-criteria", message, statuses::apply).ifPresent(feed::announce);
    }
}
