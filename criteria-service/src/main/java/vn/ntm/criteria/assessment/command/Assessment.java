package vn.ntm.criteria.assessment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.StatusCause;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.AssessmentReevaluated;
import vn.ntm.criteria.assessment.api.AssessmentRulesChanged;
import vn.ntm.criteria.assessment.api.CorrectMeasurement;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.MeasurementCorrected;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.MeasurementRetracted;
import vn.ntm.criteria.assessment.api.RecordMeasurement;
import vn.ntm.criteria.assessment.api.RecordMeasurements;
import vn.ntm.criteria.assessment.api.ReevaluateAssessment;
import vn.ntm.criteria.assessment.api.RetractMeasurement;
import vn.ntm.criteria.assessment.api.RuleBook;
import vn.ntm.criteria.assessment.command.StatusTimelines.CriterionJudgement;
import vn.ntm.criteria.assessment.command.StatusTimelines.IndicatorJudgement;
import vn.ntm.criteria.assessment.command.StatusTimelines.SetJudgement;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.support.rules.RuleViolation;

/**
 * One unit's assessment against one criteria set: every measurement recorded, corrected or retracted (the facts),
 * and the statuses derived from them — indicator (chỉ tiêu), criterion (tiêu chí) and set — as timelines over valid
 * time (see {@link StatusTimelines}). After each command the timelines are derived again from all the facts under the
 * rules the command brings, compared with what the assessment has published so far, and exactly the stretches that
 * differ are published, each naming the fact that caused it. Whatever order facts arrive in, what has been published
 * then equals what the facts say for every date.
 */
@org.axonframework.spring.stereotype.Aggregate(cache = "assessmentCache")
class Assessment {

    @AggregateIdentifier
    private AssessmentId id;
    private CriteriaSetId criteriaSetId;
    /** Every measurement in the order recorded, with its latest value and whether it still counts. */
    private final Map<MeasurementId, Measurement> measurements = new LinkedHashMap<>();
    /** The digest of the rules last adopted; null for an assessment stored before rule books existed. */
    private String rulesDigest;
    /** The timelines as published: every stretch event folded, later over earlier. */
    private final StatusTimelines published = new StatusTimelines();

    Assessment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMeasurement command, Clock clock) {
        RecordingRules.checkDate(command.rules(), command.criteriaSetId(), command.validOn(), clock);
        IndicatorRule rule = RecordingRules.ruleOn(command.rules(), command.criteriaSetId(), command.indicatorCode(),
                command.validOn());
        RecordingRules.checkRecordable(rule, command.validOn(), command.value(), command.evidence(),
                measurements.values());
        adoptAround(command.rules(), command.unitId(), command.unitPath(), command.actor(), () ->
                apply(new MeasurementRecorded(command.assessmentId(), command.unitId(), command.unitPath(),
                        command.criteriaSetId(), command.measurementId(), rule.indicatorCode(), command.value(),
                        command.validOn(), command.evidence(), command.actor(), rule)));
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RECORDED, command.measurementId().value(),
                rule.indicatorCode(), command.validOn());
        publishChanges(command.rules(), command.unitId(), command.unitPath(), command.actor(), code -> cause, cause);
    }

    /**
     * A form: every item is checked before anything is applied, so one bad item refuses the whole form (naming it)
     * and nothing is recorded. Then each item is recorded as a single measurement would be, and the timelines are
     * judged once for the whole form, so a form never shows a status that held only halfway through it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMeasurements command, Clock clock) {
        List<RecordMeasurements.Item> items = command.items();
        List<IndicatorRule> rules = new ArrayList<>();
        RecordingRules.checkDate(command.rules(), command.criteriaSetId(), command.validOn(), clock);
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RecordMeasurements.Item item = items.get(i);
            try {
                IndicatorRule rule = RecordingRules.ruleOn(command.rules(), command.criteriaSetId(),
                        item.indicatorCode(), command.validOn());
                Integer first = lineOf.putIfAbsent(item.indicatorCode(), i + 1);
                if (first != null) {
                    throw RuleViolation.invalid("indicator-twice-in-form", "indicatorCode", item.indicatorCode(),
                            first);
                }
                RecordingRules.checkRecordable(rule, command.validOn(), item.value(), item.evidence(),
                        measurements.values());
                rules.add(rule);
            } catch (RuleViolation violation) {
                throw violation.inItem("items", i, "indicatorCode", item.indicatorCode());
            }
        }
        Map<String, StatusCause> causes = new LinkedHashMap<>();
        adoptAround(command.rules(), command.unitId(), command.unitPath(), command.actor(), () -> {
            for (int i = 0; i < items.size(); i++) {
                RecordMeasurements.Item item = items.get(i);
                IndicatorRule rule = rules.get(i);
                apply(new MeasurementRecorded(command.assessmentId(), command.unitId(), command.unitPath(),
                        command.criteriaSetId(), item.measurementId(), rule.indicatorCode(), item.value(),
                        command.validOn(), item.evidence(), command.actor(), rule));
                causes.put(rule.indicatorCode(), new StatusCause(StatusCause.MEASUREMENT_RECORDED,
                        item.measurementId().value(), rule.indicatorCode(), command.validOn()));
            }
        });
        StatusCause last = new ArrayList<>(causes.values()).get(causes.size() - 1);
        publishChanges(command.rules(), command.unitId(), command.unitPath(), command.actor(),
                code -> causes.getOrDefault(code, last), last);
    }

    @CommandHandler
    void handle(CorrectMeasurement command) {
        Measurement held = counting(command.measurementId());
        IndicatorRule rule = command.rules().on(held.validOn()).map(p -> p.rules().get(held.indicatorCode()))
                .orElse(null);
        if (rule != null) {
            IndicatorEvaluation.checkFits(rule, command.value());
        }
        if (held.value().fingerprint().equals(command.value().fingerprint())) {
            throw RuleViolation.conflict("correction-changes-nothing", "value", command.measurementId());
        }
        adopt(command.rules(), command.unitId(), command.unitPath(), command.actor());
        apply(new MeasurementCorrected(id, command.unitId(), command.unitPath(), criteriaSetId,
                command.measurementId(), held.indicatorCode(), command.value(), held.validOn(), rule,
                command.reason(), command.evidence(), command.actor()));
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_CORRECTED, held.id().value(), held.indicatorCode(),
                held.validOn());
        publishChanges(command.rules(), command.unitId(), command.unitPath(), command.actor(), code -> cause, cause);
    }

    @CommandHandler
    void handle(RetractMeasurement command) {
        Measurement held = counting(command.measurementId());
        adopt(command.rules(), command.unitId(), command.unitPath(), command.actor());
        apply(new MeasurementRetracted(id, command.unitId(), command.unitPath(), criteriaSetId,
                command.measurementId(), held.indicatorCode(), held.validOn(), command.reason(), command.actor()));
        StatusCause cause = new StatusCause(StatusCause.MEASUREMENT_RETRACTED, held.id().value(), held.indicatorCode(),
                held.validOn());
        publishChanges(command.rules(), command.unitId(), command.unitPath(), command.actor(), code -> cause, cause);
    }

    /** New rules (a version, a unit's attributes), or the same ones after an upgrade: publishes what they change. */
    @CommandHandler
    void handle(ReevaluateAssessment command) {
        if (!adopt(command.rules(), command.unitId(), command.unitPath(), command.actor())) {
            StatusCause rebuilt = new StatusCause(StatusCause.TIMELINES_REBUILT, null, null, null);
            publishChanges(command.rules(), command.unitId(), command.unitPath(), command.actor(), code -> rebuilt,
                    rebuilt);
        }
    }

    /**
     * Applies a recorded fact with the command's rules adopted first; an assessment the fact creates has published
     * nothing yet, so it adopts them after its first event, publishing nothing of its own.
     */
    private void adoptAround(RuleBook rules, String unitId, List<UnitRef> unitPath, Actor actor, Runnable fact) {
        if (id == null) {
            fact.run();
            apply(rulesChanged(rules, rules.start(), actor));
        } else {
            adopt(rules, unitId, unitPath, actor);
            fact.run();
        }
    }

    private AssessmentRulesChanged rulesChanged(RuleBook rules, LocalDate from, Actor actor) {
        return new AssessmentRulesChanged(id, criteriaSetId, rules.digest(), rules.periods().stream()
                .map(p -> new AssessmentRulesChanged.PeriodSummary(p.from(), p.until(), p.setVersion())).toList(),
                from, actor);
    }

    /**
     * Takes the command's rules when they differ from those last adopted: records the change and publishes the
     * stretches it alone changes, before the command's own fact is applied. An assessment stored before rule books
     * existed has its timelines derived again here, named as rebuilt. True when the rules changed.
     */
    private boolean adopt(RuleBook rules, String unitId, List<UnitRef> unitPath, Actor actor) {
        String digest = rules.digest();
        if (digest.equals(rulesDigest)) {
            return false;
        }
        boolean upgrade = rulesDigest == null && !measurements.isEmpty();
        StatusTimelines.Changes changes = StatusTimelines.derive(measurements.values(), rules)
                .changesFrom(published, rules);
        LocalDate from = changes.isEmpty() ? rules.start() : changes.earliest();
        apply(rulesChanged(rules, from, actor));
        StatusCause cause = upgrade ? new StatusCause(StatusCause.TIMELINES_REBUILT, null, null, null)
                : new StatusCause(StatusCause.RULES_CHANGED, null, null, from);
        publish(changes, unitId, unitPath, actor, code -> cause, cause);
        return true;
    }

    /** Derives the timelines from the facts and publishes every stretch where they differ from what was published. */
    private void publishChanges(RuleBook rules, String unitId, List<UnitRef> unitPath, Actor actor,
                                Function<String, StatusCause> causeOfIndicator, StatusCause causeOfRollUps) {
        publish(StatusTimelines.derive(measurements.values(), rules).changesFrom(published, rules), unitId, unitPath,
                actor, causeOfIndicator, causeOfRollUps);
    }

    private void publish(StatusTimelines.Changes changes, String unitId, List<UnitRef> unitPath, Actor actor,
                         Function<String, StatusCause> causeOfIndicator, StatusCause causeOfRollUps) {
        new StatusEvents(id, unitId, unitPath, criteriaSetId, actor).of(changes, causeOfIndicator, causeOfRollUps)
                .forEach(AggregateLifecycle::apply);
    }

    private Measurement counting(MeasurementId measurementId) {
        Measurement held = measurements.get(measurementId);
        if (held == null) {
            throw RuleViolation.notFound("measurement-not-found", measurementId);
        }
        if (held.retracted()) {
            throw RuleViolation.conflict("measurement-retracted", "measurementId", measurementId);
        }
        return held;
    }

    @EventSourcingHandler
    void on(MeasurementRecorded event) {
        this.id = event.assessmentId();
        this.criteriaSetId = event.criteriaSetId();
        measurements.put(event.measurementId(), new Measurement(event.measurementId(), event.indicatorCode(),
                event.validOn(), event.value(), measurements.size(), false));
    }

    @EventSourcingHandler
    void on(MeasurementCorrected event) {
        measurements.computeIfPresent(event.measurementId(), (k, held) -> held.correctedTo(event.value()));
    }

    @EventSourcingHandler
    void on(MeasurementRetracted event) {
        measurements.computeIfPresent(event.measurementId(), (k, held) -> held.withdrawn());
    }

    @EventSourcingHandler
    void on(AssessmentRulesChanged event) {
        rulesDigest = event.rulesDigest();
    }

    @EventSourcingHandler
    void on(AssessmentReevaluated event) {
        // stored before rule books; the next command brings the rules, and adopting them rebuilds the timelines
    }

    @EventSourcingHandler
    void on(IndicatorStatusChanged event) {
        published.indicator(event.indicatorCode()).put(event.validFrom(), event.validUntil(),
                event.governingMeasurementId() == null ? null : new IndicatorJudgement(
                        event.indicator().criterionCode(), event.status(), event.judgement()));
    }

    @EventSourcingHandler
    void on(CriterionStatusChanged event) {
        published.criterion(event.criterionCode()).put(event.validFrom(), event.validUntil(),
                new CriterionJudgement(event.status(), event.setVersion()));
    }

    @EventSourcingHandler
    void on(CriteriaSetStatusChanged event) {
        published.set.put(event.validFrom(), event.validUntil(), new SetJudgement(event.status(),
                event.criteriaMet(), event.criteriaTotal(), event.criteriaNotMet(), event.setVersion()));
    }
}
