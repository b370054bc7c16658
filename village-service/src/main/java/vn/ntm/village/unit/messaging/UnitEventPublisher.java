package vn.ntm.village.unit.messaging;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.support.axon.AxonSupportAutoConfiguration;
import vn.ntm.support.messaging.EventPublisher;
import vn.ntm.village.unit.api.UnitAttributesChanged;
import vn.ntm.village.unit.api.UnitChanged;
import vn.ntm.village.unit.api.UnitEnded;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitMoved;
import vn.ntm.village.unit.api.UnitRegistered;
import vn.ntm.village.unit.api.UnitRenamed;

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
    void on(UnitChanged event, EventMessage<?> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), event.validFrom(),
                message.getTimestamp(), event.actor(), event.unitId().value(), event.path(), payload(event)));
    }

    private static IntegrationPayload payload(UnitChanged event) {
        if (event instanceof UnitRegistered e) {
            return new vn.ntm.contracts.UnitRegistered(e.level().name(), e.name(), id(e.parentId()), e.validFrom(),
                    e.region(), e.legalBasis(), e.communeGroup(), e.specialStatus());
        }
        if (event instanceof UnitRenamed e) {
            return new vn.ntm.contracts.UnitRenamed(e.name(), e.previousName(), e.validFrom(), e.legalBasis());
        }
        if (event instanceof UnitMoved e) {
            return new vn.ntm.contracts.UnitMoved(id(e.parentId()), id(e.previousParentId()), e.validFrom(),
                    e.legalBasis());
        }
        if (event instanceof UnitAttributesChanged e) {
            return new vn.ntm.contracts.UnitAttributesChanged(e.region(), e.communeGroup(), e.specialStatus(),
                    e.validFrom(), e.legalBasis());
        }
        UnitEnded e = (UnitEnded) event;
        return new vn.ntm.contracts.UnitEnded(e.reason().name(), e.successorIds().stream().map(UnitId::value).toList(),
                e.validFrom(), e.legalBasis());
    }

    private static String id(UnitId id) {
        return id == null ? null : id.value();
    }
}
