package vn.ntm.criteria.assessment.messaging;

import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasurementCorrected;
import vn.ntm.criteria.assessment.api.MeasurementRetracted;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.support.axon.AxonSupportAutoConfiguration;
import vn.ntm.support.messaging.EventPublisher;

/** Translates stored assessment events into integration events on {@code ntm.criteria}, keyed by unit. */
@Component
@ProcessingGroup(AxonSupportAutoConfiguration.KAFKA_PUBLISHER)
class AssessmentEventPublisher {

    static final String BINDING = "criteria-out";

    private final EventPublisher publisher;

    AssessmentEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(MeasurementRecorded e, EventMessage<MeasurementRecorded> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), e.validOn(),
                message.getTimestamp(), e.actor(), e.unitId(), e.unitPath(),
                new vn.ntm.contracts.MeasurementRecorded(e.measurementId(), e.criteriaSetId().value(),
                        e.indicatorCode(), e.value().value(), e.value().numerator(), e.value().denominator(),
                        e.value().passed(), e.evidence().document(), e.evidence().link(), e.evidence().note(),
                        e.evidence().office(), e.rule().setVersion())));
    }

    @EventHandler
    void on(MeasurementCorrected e, EventMessage<MeasurementCorrected> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), e.validOn(),
                message.getTimestamp(), e.actor(), e.unitId(), e.unitPath(),
                new vn.ntm.contracts.MeasurementCorrected(e.measurementId(), e.criteriaSetId().value(),
                        e.indicatorCode(), e.value().value(), e.value().numerator(), e.value().denominator(),
                        e.value().passed(), e.reason())));
    }

    @EventHandler
    void on(MeasurementRetracted e, EventMessage<MeasurementRetracted> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), e.validOn(),
                message.getTimestamp(), e.actor(), e.unitId(), e.unitPath(),
                new vn.ntm.contracts.MeasurementRetracted(e.measurementId(), e.criteriaSetId().value(),
                        e.indicatorCode(), e.reason())));
    }

    @EventHandler
    void on(CriterionStatusChanged e, EventMessage<CriterionStatusChanged> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), e.validFrom(),
                message.getTimestamp(), e.actor(), e.unitId(), e.unitPath(),
                new vn.ntm.contracts.CriterionStatusChanged(e.criteriaSetId().value(), e.criterionCode(),
                        e.status().name(), e.validUntil(), e.setVersion(), e.cause())));
    }

    @EventHandler
    void on(CriteriaSetStatusChanged e, EventMessage<CriteriaSetStatusChanged> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), e.validFrom(),
                message.getTimestamp(), e.actor(), e.unitId(), e.unitPath(),
                new vn.ntm.contracts.CriteriaSetStatusChanged(e.criteriaSetId().value(), e.status().name(),
                        e.validUntil(), e.criteriaMet(), e.criteriaTotal(), e.criteriaNotMet(), e.setVersion(),
                        e.cause())));
    }

    @EventHandler
    void on(IndicatorStatusChanged e, EventMessage<IndicatorStatusChanged> message) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), e.validFrom(),
                message.getTimestamp(), e.actor(), e.unitId(), e.unitPath(),
                new vn.ntm.contracts.IndicatorStatusChanged(e.criteriaSetId().value(), e.criterionCode(),
                        e.indicatorCode(), e.status().name(), e.validUntil(), e.comparedValue(),
                        e.comparator() == null ? null : e.comparator().name(), e.threshold(), e.unit(),
                        e.thresholdVerified(), e.thresholdSource(), e.governingMeasurementId(), e.setVersion(),
                        e.cause())));
    }
}
