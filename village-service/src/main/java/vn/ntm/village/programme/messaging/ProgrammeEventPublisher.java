package vn.ntm.village.programme.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.axon.AxonSupportAutoConfiguration;
import vn.ntm.support.messaging.EventPublisher;
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanDeadlineMissed;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.PlanTaskCompleted;
import vn.ntm.village.programme.api.RecognitionDecided;
import vn.ntm.village.programme.api.RecognitionRequested;
import vn.ntm.village.programme.api.RecognitionRevoked;
import vn.ntm.village.programme.api.RecognitionStepRecorded;
import vn.ntm.village.programme.api.RevocationWarning;
import vn.ntm.village.programme.api.RewardGranted;
import vn.ntm.village.unit.api.UnitId;

/**
 * Translates stored plan and recognition events into integration events on {@code ntm.units}, keyed by the unit they
 * belong to, in the same outbox processor as the unit events (see UnitEventPublisher).
 */
@Component
@ProcessingGroup(AxonSupportAutoConfiguration.KAFKA_PUBLISHER)
class ProgrammeEventPublisher {

    private static final String BINDING = "units-out";

    private final EventPublisher publisher;

    ProgrammeEventPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(PlanAdopted e, EventMessage<?> message) {
        publish(message, e.adoptedOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.PlanAdopted(e.planId().value(),
                e.number(), e.title(), e.adoptedOn(), e.signer(), e.year(),
                e.targets().stream().map(t -> new vn.ntm.contracts.PlanAdopted.Target(t.targetId(),
                        t.criteriaSetCode(), t.indicatorCode(), t.criterionCode(), t.description(), t.comparator(),
                        t.value(), t.unit(), t.dueDate())).toList(),
                e.roadmap().stream().map(r -> new vn.ntm.contracts.PlanAdopted.RoadmapItem(r.itemId(),
                        r.unitId().value(), r.unitName(), r.level().name(), r.criteriaSetCode(), r.dueDate(),
                        r.description())).toList(),
                e.tasks().stream().map(t -> new vn.ntm.contracts.PlanAdopted.Task(t.taskId(), t.description(),
                        t.dueDate(), t.responsibleOffice(), ids(t.unitIds()))).toList(),
                e.assignments().stream().map(a -> new vn.ntm.contracts.PlanAdopted.Assignment(a.office(),
                        a.criteriaSetCode(), a.criterionCodes(), a.duty())).toList(),
                e.rewards().stream().map(ProgrammeEventPublisher::reward).toList()));
    }

    @EventHandler
    void on(PlanTaskCompleted e, EventMessage<?> message) {
        publish(message, e.completedOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.PlanTaskCompleted(
                e.planId().value(), e.taskId(), e.completedOn(), e.dueDate(), e.completedOn().isAfter(e.dueDate()), e.note()));
    }

    @EventHandler
    void on(PlanDeadlineMissed e, EventMessage<?> message) {
        publish(message, e.missedOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.PlanDeadlineMissed(
                e.planId().value(), e.taskId(), e.description(), e.dueDate(), e.responsibleOffice()));
    }

    @EventHandler
    void on(RecognitionRequested e, EventMessage<?> message) {
        publish(message, e.requestedOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.RecognitionRequested(
                e.recognitionId().value(), e.level().name(), e.criteriaSetCode(), e.requestedOn(), e.criteriaMet(),
                e.criteriaTotal(), e.standingOn(), e.noOverdueConstructionDebt(), e.evidence()));
    }

    @EventHandler
    void on(RecognitionStepRecorded e, EventMessage<?> message) {
        publish(message, e.on(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.RecognitionStepRecorded(
                e.recognitionId().value(), e.step().name(), e.on(), e.by(), e.passed(), e.note(),
                e.villages().stream().map(v -> new vn.ntm.contracts.RecognitionStepRecorded.SurveyResult(
                        v.unitId().value(), v.unitName(), v.householdsSurveyed(), v.householdsSatisfied())).toList()));
    }

    @EventHandler
    void on(RecognitionDecided e, EventMessage<?> message) {
        publish(message, e.decidedOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.RecognitionDecided(
                e.recognitionId().value(), e.level().name(), e.criteriaSetCode(), e.decisionNumber(), e.decidedOn(),
                e.authority()));
    }

    @EventHandler
    void on(RewardGranted e, EventMessage<?> message) {
        publish(message, e.grantedOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.RewardGranted(
                e.recognitionId().value(), e.planId().value(), e.planNumber(), e.ruleId(), e.amount(), e.budgetSource()));
    }

    @EventHandler
    void on(RevocationWarning e, EventMessage<?> message) {
        publish(message, e.validOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.RevocationWarning(
                e.recognitionId().value(), e.level().name(), e.criteriaSetCode(), e.trigger(), e.criteriaFailing(),
                e.criteriaTotal(), e.failingCriteria(), e.failingKeyCriteria()));
    }

    @EventHandler
    void on(RecognitionRevoked e, EventMessage<?> message) {
        publish(message, e.decidedOn(), e.actor(), e.unitId(), e.path(), new vn.ntm.contracts.RecognitionRevoked(
                e.recognitionId().value(), e.level().name(), e.decisionNumber(), e.decidedOn(), e.authority(), e.reason()));
    }

    private void publish(EventMessage<?> message, LocalDate validOn, Actor actor, UnitId unitId, List<UnitRef> path,
                         IntegrationPayload payload) {
        publisher.publish(BINDING, Envelope.of(UUID.fromString(message.getIdentifier()), validOn,
                message.getTimestamp(), actor, unitId.value(), path, payload));
    }

    private static vn.ntm.contracts.PlanAdopted.RewardRule reward(PlanParts.RewardRule r) {
        return new vn.ntm.contracts.PlanAdopted.RewardRule(r.ruleId(), r.level().name(), r.unitLevel(), r.amount(),
                r.budgetSource(), r.description());
    }

    private static List<String> ids(List<UnitId> ids) {
        return ids.stream().map(UnitId::value).toList();
    }
}
