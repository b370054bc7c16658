package vn.ntm.criteria.assessment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.RecordMeasurementCommand;
import vn.ntm.support.rules.RuleViolation;

/**
 * One unit's assessment against one criteria set: every measurement recorded, and the current status of each
 * indicator. A status-change event is emitted only when a status changes.
 */
@Aggregate
class Assessment {

    @AggregateIdentifier
    private AssessmentId id;
    private final Map<String, IndicatorStatus> statuses = new HashMap<>();
    /** The valid date of the latest measurement per indicator: an older one is history, not the current status. */
    private final Map<String, LocalDate> latestValidOn = new HashMap<>();
    private final Set<String> recorded = new HashSet<>();

    Assessment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMeasurementCommand command, Clock clock) {
        IndicatorRule rule = command.rule();
        if (command.validOn().isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validOn", command.validOn());
        }
        if (command.validOn().isBefore(rule.setEffectiveFrom())) {
            throw RuleViolation.invalid("before-set-in-force", "validOn", rule.criteriaSetId(), rule.setEffectiveFrom());
        }
        if (rule.setEffectiveTo() != null && command.validOn().isAfter(rule.setEffectiveTo())) {
            throw RuleViolation.invalid("after-set-superseded", "validOn", rule.criteriaSetId(), rule.setEffectiveTo());
        }
        IndicatorEvaluation.checkFits(rule, command.value());
        if (recorded.contains(fingerprint(command))) {
            throw RuleViolation.conflict("duplicate-measurement", "value", rule.indicatorCode(), command.validOn());
        }
        apply(new MeasurementRecorded(command.assessmentId(), command.unitId(), command.unitPath(),
                rule.criteriaSetId(), command.measurementId(), rule.indicatorCode(), command.value(),
                command.validOn(), command.evidence(), command.actor()));

        LocalDate latest = latestValidOn.get(rule.indicatorCode());
        if (latest != null && command.validOn().isBefore(latest)) {
            return;
        }
        IndicatorStatus previous = statuses.getOrDefault(rule.indicatorCode(), IndicatorStatus.UNKNOWN);
        IndicatorStatus status = IndicatorEvaluation.evaluate(rule, command.value());
        if (status != previous) {
            apply(new IndicatorStatusChanged(command.assessmentId(), command.unitId(), command.unitPath(),
                    rule.criteriaSetId(), rule.criterionCode(), rule.indicatorCode(), previous, status,
                    command.value().comparable(), rule.comparator(), rule.threshold(), rule.unit(),
                    rule.thresholdVerified(), rule.thresholdSource(), command.measurementId(), command.validOn(),
                    command.actor()));
        }
    }

    @EventSourcingHandler
    void on(MeasurementRecorded event) {
        this.id = event.assessmentId();
        recorded.add(fingerprint(event.indicatorCode(), event.validOn(), event.value()));
        latestValidOn.merge(event.indicatorCode(), event.validOn(), (a, b) -> a.isAfter(b) ? a : b);
    }

    @EventSourcingHandler
    void on(IndicatorStatusChanged event) {
        statuses.put(event.indicatorCode(), event.status());
    }

    private static String fingerprint(RecordMeasurementCommand command) {
        return fingerprint(command.rule().indicatorCode(), command.validOn(), command.value());
    }

    private static String fingerprint(String indicator, LocalDate validOn, MeasuredValue value) {
        return indicator + "|" + validOn + "|" + value.fingerprint();
    }
}
