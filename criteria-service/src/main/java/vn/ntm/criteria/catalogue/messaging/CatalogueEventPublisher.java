package vn.ntm.criteria.catalogue.messaging;

import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.CriteriaSetPublished.Criterion;
import vn.ntm.contracts.CriteriaSetPublished.Indicator;
import vn.ntm.contracts.CriteriaSetPublished.Threshold;
import vn.ntm.contracts.Envelope;
import vn.ntm.criteria.catalogue.api.CriteriaSetAmended;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetPublished;
import vn.ntm.support.axon.AxonSupportAutoConfiguration;
import vn.ntm.support.messaging.EventPublisher;

/** Publishes each criteria set version on {@code ntm.criteria}, keyed by the set's code. */
@Component
@ProcessingGroup(AxonSupportAutoConfiguration.KAFKA_PUBLISHER)
class CatalogueEventPublisher {

    private final EventPublisher publisher;

    CatalogueEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(CriteriaSetPublished e, EventMessage<CriteriaSetPublished> message) {
        publish(e.criteriaSetId().value(), e.definition(), e.actor(), message);
    }

    /** A new version travels as the same contract event with a higher version number. */
    @EventHandler
    void on(CriteriaSetAmended e, EventMessage<CriteriaSetAmended> message) {
        publish(e.criteriaSetId().value(), e.definition(), e.actor(), message);
    }

    private void publish(String setId, CriteriaSetDefinition d, vn.ntm.contracts.Actor actor, EventMessage<?> message) {
        List<Criterion> criteria = d.criteria().stream().map(c -> new Criterion(c.code(), c.nameVi(), c.nameEn(),
                c.indicators().stream().map(i -> new Indicator(i.code(), i.nameVi(), i.nameEn(), i.kind().name(),
                        i.comparator() == null ? null : i.comparator().name(), i.unit(),
                        i.thresholds().stream().map(t -> new Threshold(t.region(), t.communeGroup(), t.year(),
                                t.value(), t.verified(), t.source(),
                                t.relativeTo() == null ? null : t.relativeTo().criteriaSet(),
                                t.relativeTo() == null ? null : t.relativeTo().indicator(), t.factor())).toList()))
                        .toList())).toList();
        publisher.publish("criteria-out", Envelope.of(UUID.fromString(message.getIdentifier()), d.effectiveFrom(),
                message.getTimestamp(), actor, null, List.of(),
                new vn.ntm.contracts.CriteriaSetPublished(setId, d.code(), d.version(),
                        d.titleVi(), d.titleEn(), d.level().name(), d.legalBasis(), d.effectiveFrom(), d.effectiveTo(),
                        criteria, d.skeleton())));
    }
}
