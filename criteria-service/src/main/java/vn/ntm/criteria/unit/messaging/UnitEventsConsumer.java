package vn.ntm.criteria.unit.messaging;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.criteria.unit.KnownUnits;
import vn.ntm.support.messaging.IdempotentConsumer;

/** Learns units from village-service: the Spring Cloud Stream consumer bound to {@code ntm.units}. */
@Configuration
class UnitEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> unitEvents(IdempotentConsumer consumer, KnownUnits units) {
        return message -> consumer.handle("criteria-units", message, envelope -> apply(envelope, units));
    }

    private static void apply(Envelope<?> envelope, KnownUnits units) {
        if (envelope.payload() instanceof UnitRegistered unit) {
            units.register(envelope.unitId(), unit.level(), unit.name(), unit.parentId(), unit.region(),
                    unit.validFrom(), envelope.unitPath(), unit.communeGroup(), unit.specialStatus());
        }
    }
}
