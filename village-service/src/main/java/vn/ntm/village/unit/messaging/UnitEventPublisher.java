package vn.ntm.village.unit.messaging;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.support.axon.AxonSupportAutoConfiguration;
import vn.ntm.support.messaging.EventPublisher;
import vn.ntm.village.unit.api.UnitRegistered;

/**
 * Translates stored unit events into integration events on {@code ntm.units}. Runs in a streaming processor whose
 * token lives in this service's database: the event store is the outbox, and the Axon event id is the integration
 * event id, so a re-sent event is recognised downstream.
 */
@Component
@ProcessingGroup(AxonSupportAutoConfiguration.KAFKA_PUBLISHER)
class UnitEventPublisher {

    static final String BINDING = "units-out";

    private final EventPublisher publisher;

    UnitEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(UnitRegistered event, EventMessage<UnitRegistered> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), event.validFrom(),
                message.getTimestamp(), event.actor(), event.unitId().value(), event.path(),
                new vn.ntm.contracts.UnitRegistered(event.level().name(), event.name(),
                        event.parentId() == null ? null : event.parentId().value(), event.validFrom(),
                        event.region(), event.legalBasis(), event.communeGroup(), event.specialStatus())));
    }
}
