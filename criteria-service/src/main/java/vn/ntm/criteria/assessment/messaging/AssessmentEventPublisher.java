package vn.ntm.criteria.assessment.messaging;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Envelope;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.Judgement;
import vn.ntm.criteria.assessment.api.MeasurementCorrected;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.MeasurementRetracted;
import vn.ntm.support.axon.AxonSupportAutoConfiguration;
import vn.ntm.support.messaging.EventPublisher;

/** Translates stored assessment events into integration events on {@code ntm.criteria}, keyed by unit. */
@Component
@ProcessingGroup(AxonSupportAutoConfiguration.KAFKA_PUBLISHER)
public class AssessmentEventPublisher {

    static final String BINDING = "criteria-out";

    private final EventPublisher publisher;

    AssessmentEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(MeasurementRecorded e, EventMessage<?> message) {
        publish(e, message);
    }

    @EventHandler
    void on(MeasurementCorrected e, EventMessage<?> message) {
        publish(e, message);
    }

    @EventHandler
    void on(MeasurementRetracted e, EventMessage<?> message) {
        publish(e, message);
    }

    @EventHandler
    void on(IndicatorStatusChanged e, EventMessage<?> message) {
        publish(e, message);
    }

    @EventHandler
    void on(CriterionStatusChanged e, EventMessage<?> message) {
        publish(e, message);
    }

    @EventHandler
    void on(CriteriaSetStatusChanged e, EventMessage<?> message) {
        publish(e, message);
    }

    private void publish(Object event, EventMessage<?> message) {
        publisher.publish(BINDING, toContract(event, UUID.fromString(message.getIdentifier()),
                message.getTimestamp()));
    }

    /**
     * The integration event a stored assessment event becomes on the wire: what reporting and village-service
     * receive. Pure, so tests can record what criteria-service really publishes for a history of commands.
     */
    public static Envelope<?> toContract(Object event, UUID eventId, Instant recordedAt) {
        if (event instanceof MeasurementRecorded e) {
            return Envelope.of(eventId, e.validOn(), recordedAt, e.actor(), e.unitId(), e.unitPath(),
                    new vn.ntm.contracts.MeasurementRecorded(e.measurementId().value(), e.criteriaSetId().value(),
                            e.indicatorCode(), e.value().value(), e.value().numerator(), e.value().denominator(),
                            e.value().passed(), new vn.ntm.contracts.MeasurementRecorded.Evidence(
                                    e.evidence().document(), e.evidence().link(), e.evidence().note(),
                                    e.evidence().office()), e.rule().setVersion()));
        }
        if (event instanceof MeasurementCorrected e) {
            return Envelope.of(eventId, e.validOn(), recordedAt, e.actor(), e.unitId(), e.unitPath(),
                    new vn.ntm.contracts.MeasurementCorrected(e.measurementId().value(), e.criteriaSetId().value(),
                            e.indicatorCode(), e.value().value(), e.value().numerator(), e.value().denominator(),
                            e.value().passed(), e.reason()));
        }
        if (event instanceof MeasurementRetracted e) {
            return Envelope.of(eventId, e.validOn(), recordedAt, e.actor(), e.unitId(), e.unitPath(),
                    new vn.ntm.contracts.MeasurementRetracted(e.measurementId().value(), e.criteriaSetId().value(),
                            e.indicatorCode(), e.reason()));
        }
        if (event instanceof IndicatorStatusChanged e) {
            // the contract stays flat (version 2 of the integration event): the stored event's groups are spread out
            Judgement j = e.judgement();
            return Envelope.of(eventId, e.validFrom(), recordedAt, e.actor(), e.unitId(), e.unitPath(),
                    new vn.ntm.contracts.IndicatorStatusChanged(e.criteriaSetId().value(),
                            e.indicator().criterionCode(), e.indicatorCode(), e.status().name(), e.validUntil(),
                            j.comparedValue(), j.comparator() == null ? null : j.comparator().name(), j.threshold(),
                            j.unit(), j.thresholdVerified(), j.thresholdSource(),
                            j.governingMeasurementId() == null ? null : j.governingMeasurementId().value(),
                            j.setVersion(), e.cause()));
        }
        if (event instanceof CriterionStatusChanged e) {
            return Envelope.of(eventId, e.validFrom(), recordedAt, e.actor(), e.unitId(), e.unitPath(),
                    new vn.ntm.contracts.CriterionStatusChanged(e.criteriaSetId().value(), e.criterionCode(),
                            e.status().name(), e.validUntil(), e.setVersion(), e.cause()));
        }
        if (event instanceof CriteriaSetStatusChanged e) {
            return Envelope.of(eventId, e.validFrom(), recordedAt, e.actor(), e.unitId(), e.unitPath(),
                    new vn.ntm.contracts.CriteriaSetStatusChanged(e.criteriaSetId().value(), e.status().name(),
                            e.validUntil(), e.criteriaMet(), e.criteriaTotal(), e.criteriaNotMet(), e.setVersion(),
                            e.cause()));
        }
        throw new IllegalArgumentException("Not published: " + event.getClass().getName());
    }
}
