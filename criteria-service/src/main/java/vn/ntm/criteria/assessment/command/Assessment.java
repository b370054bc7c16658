package vn.ntm.criteria.assessment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.AssessmentReevaluated;
import vn.ntm.criteria.assessment.api.CorrectMeasurementCommand;
import vn.ntm.criteria.assessment.api.CriteriaSetStatusChanged;
import vn.ntm.criteria.assessment.api.CriterionStatusChanged;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.IndicatorStatus;
import vn.ntm.criteria.assessment.api.IndicatorStatusChanged;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementCorrected;
import vn.ntm.criteria.assessment.api.MeasurementRecorded;
import vn.ntm.criteria.assessment.api.MeasurementRetracted;
import vn.ntm.criteria.assessment.api.RecordMeasurementCommand;
import vn.ntm.criteria.assessment.api.RecordMeasurementsCommand;
import vn.ntm.criteria.assessment.api.ReevaluateAssessmentCommand;
import vn.ntm.criteria.assessment.api.RetractMeasurementCommand;
import vn.ntm.criteria.assessment.api.SetShape;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.support.rules.RuleViolation;

/**
 * One unit's assessment against one criteria set: every measurement recorded, corrected or retracted, and the
 * statuses derived from them — indicator (chỉ tiêu), criterion (tiêu chí) and set. An indicator's status is judged
 * from its current measurement: the latest by valid date that is not retracted. A status event is emitted only
 * when a status changes, naming the measurement that caused it.
 */
@org.axonframework.spring.stereotype.Aggregate(cache = "assessmentCache")
class Assessment {

    @AggregateIdentifier
    private AssessmentId id;
    private CriteriaSetId criteriaSetId;
    /** Every measurement in the order recorded, with its latest value and whether it still counts. */
    private final Map<String, Held> measurements = new LinkedHashMap<>();
    private final Map<String, IndicatorStatus> indicatorStatuses = new HashMap<>();
    private final Map<String, IndicatorStatus> criterionStatuses = new HashMap<>();
    private IndicatorStatus setStatus = IndicatorStatus.UNKNOWN;
    /** The rules of the latest set version that took effect, which judge current measurements from then on. */
    private final Map<String, IndicatorRule> activeRules = new HashMap<>();
    private int activeVersion = 1;

    /** A measurement as the aggregate keeps it. */
    private record Held(String id, String indicatorCode, LocalDate validOn, MeasuredValue value, IndicatorRule rule,
                        int order,
                        boolean retracted) {
        String fingerprint() {
            return Assessment.fingerprint(indicatorCode, validOn, value);
        }
    }

    Assessment() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMeasurementCommand command, Clock clock) {
        IndicatorRule rule = command.rule();
        checkDate(command.validOn(), rule, clock);
        checkRecordable(rule, command.validOn(), command.value(), command.evidence());
        apply(new MeasurementRecorded(command.assessmentId(), command.unitId(), command.unitPath(),
                rule.criteriaSetId(), command.measurementId(), rule.indicatorCode(), command.value(),
                command.validOn(), command.evidence(), command.actor(), rule));
        reevaluate(rule.indicatorCode(), command.shape(), new Cause(command.unitId(), command.unitPath(),
                command.measurementId(), command.validOn(), command.actor()));
    }

    /**
     * A form: every item is checked before anything is applied, so one bad item refuses the whole form (naming it)
     * and nothing is recorded. Then each item is recorded as a single measurement would be, and the statuses are
     * judged once for the whole form: each indicator it changed, then each criterion and the set once, so a form
     * never shows a status that held only halfway through it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordMeasurementsCommand command, Clock clock) {
        List<RecordMeasurementsCommand.Item> items = command.items();
        items.forEach(item -> checkDate(command.validOn(), item.rule(), clock));
        Map<String, Integer> lineOf = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RecordMeasurementsCommand.Item item = items.get(i);
            String indicatorCode = item.rule().indicatorCode();
            try {
                Integer first = lineOf.putIfAbsent(indicatorCode, i + 1);
                if (first != null) {
                    throw RuleViolation.invalid("indicator-twice-in-form", "indicatorCode", indicatorCode, first);
                }
                checkRecordable(item.rule(), command.validOn(), item.value(), item.evidence());
            } catch (RuleViolation violation) {
                throw violation.inItem("items", i, "indicatorCode", indicatorCode);
            }
        }
        List<Touched> touched = new ArrayList<>();
        for (RecordMeasurementsCommand.Item item : items) {
            IndicatorRule rule = item.rule();
            apply(new MeasurementRecorded(command.assessmentId(), command.unitId(), command.unitPath(),
                    rule.criteriaSetId(), item.measurementId(), rule.indicatorCode(), item.value(), command.validOn(),
                    item.evidence(), command.actor(), rule));
            touched.add(new Touched(rule.indicatorCode(), new Cause(command.unitId(), command.unitPath(),
                    item.measurementId(), command.validOn(), command.actor())));
        }
        reevaluate(touched, command.shape());
    }

    /** The date rules of a measurement: not in the future, within the set version's dates. */
    private static void checkDate(LocalDate validOn, IndicatorRule rule, Clock clock) {
        if (validOn.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "validOn", validOn);
        }
        if (validOn.isBefore(rule.setEffectiveFrom())) {
            throw RuleViolation.invalid("before-set-in-force", "validOn", rule.criteriaSetId(),
                    rule.setEffectiveFrom());
        }
        if (rule.setEffectiveTo() != null && validOn.isAfter(rule.setEffectiveTo())) {
            throw RuleViolation.invalid("after-set-superseded", "validOn", rule.criteriaSetId(), rule.setEffectiveTo());
        }
    }

    /** The value fits its indicator, a pass/fail names its office, and the same measurement is not there already. */
    private void checkRecordable(IndicatorRule rule, LocalDate validOn, MeasuredValue value, Evidence evidence) {
        IndicatorEvaluation.checkFits(rule, value);
        IndicatorEvaluation.checkAssessedByAnOffice(rule, evidence);
        String fingerprint = fingerprint(rule.indicatorCode(), validOn, value);
        if (counted().anyMatch(m -> m.fingerprint().equals(fingerprint))) {
            throw RuleViolation.conflict("duplicate-measurement", "value", rule.indicatorCode(), validOn);
        }
    }

    @CommandHandler
    void handle(CorrectMeasurementCommand command) {
        Held held = counting(command.measurementId());
        IndicatorEvaluation.checkFits(command.rule(), command.value());
        if (held.value().fingerprint().equals(command.value().fingerprint())) {
            throw RuleViolation.conflict("correction-changes-nothing", "value", command.measurementId());
        }
        apply(new MeasurementCorrected(id, command.unitId(), command.unitPath(), criteriaSetId,
                command.measurementId(), held.indicatorCode(), command.value(), held.validOn(), command.rule(),
                command.reason(), command.evidence(), command.actor()));
        reevaluate(held.indicatorCode(), command.shape(), new Cause(command.unitId(), command.unitPath(),
                command.measurementId(), held.validOn(), command.actor()));
    }

    @CommandHandler
    void handle(RetractMeasurementCommand command) {
        Held held = counting(command.measurementId());
        apply(new MeasurementRetracted(id, command.unitId(), command.unitPath(), criteriaSetId,
                command.measurementId(), held.indicatorCode(), held.validOn(), command.reason(), command.actor()));
        reevaluate(held.indicatorCode(), command.shape(), new Cause(command.unitId(), command.unitPath(),
                command.measurementId(), held.validOn(), command.actor()));
    }

    @CommandHandler
    void handle(ReevaluateAssessmentCommand command) {
        if (command.setVersion() <= activeVersion) {
            return; // already judged by this version or a later one: a repeated activation changes nothing
        }
        apply(new AssessmentReevaluated(id, criteriaSetId, command.setVersion(), command.effectiveFrom(),
                command.rules(), command.actor()));
        // Indicators the new version dropped no longer count: the roll-ups follow the new version's shape.
        command.shape().indicatorsByCriterion().values().stream().flatMap(List::stream).forEach(indicator ->
                current(indicator).ifPresent(m -> reevaluate(indicator, command.shape(), new Cause(command.unitId(),
                        command.unitPath(), m.id(), command.effectiveFrom(), command.actor()))));
    }

    /** Equal for the same indicator, date and value however typed: what makes a measurement a duplicate. */
    private static String fingerprint(String indicatorCode, LocalDate validOn, MeasuredValue value) {
        return indicatorCode + "|" + validOn + "|" + value.fingerprint();
    }

    /** What every status event of one command names as its cause. */
    private record Cause(String unitId, List<UnitRef> unitPath, String measurementId, LocalDate validOn,
                         Actor actor) {
    }

    /** The measurement that decides an indicator's status: the latest by valid date that still counts. */
    private Optional<Held> current(String indicatorCode) {
        return counted().filter(m -> m.indicatorCode().equals(indicatorCode))
                .max(Comparator.comparing(Held::validOn).thenComparing(Held::order));
    }

    /**
     * The rule a measurement is judged by now: that of a later set version once it took effect and covers the
     * indicator, else the rule recorded with the measurement.
     */
    private IndicatorRule ruleFor(Held held) {
        IndicatorRule active = activeRules.get(held.indicatorCode());
        return active != null && held.rule().setVersion() < activeVersion ? active : held.rule();
    }

    /** An indicator a command touched, and what the status events it causes name as their cause. */
    private record Touched(String indicatorCode, Cause cause) {
    }

    private void reevaluate(String indicatorCode, SetShape shape, Cause cause) {
        reevaluate(List.of(new Touched(indicatorCode, cause)), shape);
    }

    /**
     * Judges each touched indicator again; then each criterion of one whose status changed, once, naming the last
     * such indicator of it as the cause; then, if a criterion changed, the set, naming the last of those causes.
     */
    private void reevaluate(List<Touched> touched, SetShape shape) {
        Map<String, Touched> changedCriteria = new LinkedHashMap<>();
        for (Touched indicator : touched) {
            if (judge(indicator.indicatorCode(), shape, indicator.cause())) {
                changedCriteria.put(shape.criterionOf(indicator.indicatorCode()), indicator);
            }
        }
        Touched lastChange = null;
        for (Map.Entry<String, Touched> criterion : changedCriteria.entrySet()) {
            if (rollUpCriterion(shape, criterion.getKey(), criterion.getValue())) {
                lastChange = criterion.getValue();
            }
        }
        if (lastChange != null) {
            rollUpSet(shape, lastChange.cause());
        }
    }

    /** Judges one indicator from its current measurement; true (and an event) when its status changed. */
    private boolean judge(String indicatorCode, SetShape shape, Cause cause) {
        Optional<Held> current = current(indicatorCode);
        IndicatorStatus previous = indicatorStatuses.getOrDefault(indicatorCode, IndicatorStatus.UNKNOWN);
        IndicatorStatus status = current.map(m -> IndicatorEvaluation.evaluate(ruleFor(m), m.value()))
                .orElse(IndicatorStatus.UNKNOWN);
        if (status == previous) {
            return false;
        }
        IndicatorRule rule = current.map(this::ruleFor).orElse(null);
        apply(new IndicatorStatusChanged(id, cause.unitId(), cause.unitPath(), criteriaSetId,
                shape.criterionOf(indicatorCode), indicatorCode, previous, status,
                current.map(m -> m.value().comparable()).orElse(null), rule == null ? null : rule.comparator(),
                rule == null ? null : rule.threshold(), rule == null ? null : rule.unit(),
                rule != null && rule.thresholdVerified(), rule == null ? null : rule.thresholdSource(),
                cause.measurementId(), cause.validOn(), cause.actor(),
                rule == null ? activeVersion : rule.setVersion()));
        return true;
    }

    /** Re-derives one criterion from its indicators; true (and an event) when its status changed. */
    private boolean rollUpCriterion(SetShape shape, String criterion, Touched because) {
        IndicatorStatus criterionBefore = criterionStatuses.getOrDefault(criterion, IndicatorStatus.UNKNOWN);
        IndicatorStatus criterionNow = rollUp(shape.indicatorsByCriterion().get(criterion), indicatorStatuses);
        if (criterionNow == criterionBefore) {
            return false;
        }
        Cause cause = because.cause();
        apply(new CriterionStatusChanged(id, cause.unitId(), cause.unitPath(), criteriaSetId, criterion,
                criterionBefore, criterionNow, because.indicatorCode(), cause.measurementId(), cause.validOn(),
                cause.actor()));
        return true;
    }

    /** Re-derives the set's status from its criteria, emitting an event if it changed. */
    private void rollUpSet(SetShape shape, Cause cause) {
        IndicatorStatus setNow = rollUp(List.copyOf(shape.indicatorsByCriterion().keySet()), criterionStatuses);
        if (setNow != setStatus) {
            List<String> notMet = new ArrayList<>();
            shape.indicatorsByCriterion().keySet().forEach(c -> {
                if (criterionStatuses.getOrDefault(c, IndicatorStatus.UNKNOWN) != IndicatorStatus.MET) {
                    notMet.add(c);
                }
            });
            int total = shape.indicatorsByCriterion().size();
            apply(new CriteriaSetStatusChanged(id, cause.unitId(), cause.unitPath(), criteriaSetId, setStatus, setNow,
                    total - notMet.size(), total, notMet, cause.measurementId(), cause.validOn(), cause.actor()));
        }
    }

    /** Met when all parts are met; not met as soon as one is not; otherwise unknown (also when there are no parts). */
    static IndicatorStatus rollUp(List<String> parts, Map<String, IndicatorStatus> statuses) {
        if (parts == null || parts.isEmpty()) {
            return IndicatorStatus.UNKNOWN;
        }
        List<IndicatorStatus> of = parts.stream().map(p -> statuses.getOrDefault(p, IndicatorStatus.UNKNOWN)).toList();
        if (of.contains(IndicatorStatus.NOT_MET)) {
            return IndicatorStatus.NOT_MET;
        }
        return of.stream().allMatch(s -> s == IndicatorStatus.MET) ? IndicatorStatus.MET : IndicatorStatus.UNKNOWN;
    }

    private java.util.stream.Stream<Held> counted() {
        return measurements.values().stream().filter(m -> !m.retracted());
    }

    private Held counting(String measurementId) {
        Held held = measurements.get(measurementId);
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
        measurements.put(event.measurementId(), new Held(event.measurementId(), event.indicatorCode(),
                event.validOn(), event.value(),
                event.rule(), measurements.size(), false));
    }

    @EventSourcingHandler
    void on(MeasurementCorrected event) {
        Held held = measurements.get(event.measurementId());
        measurements.put(event.measurementId(), new Held(held.id(), held.indicatorCode(), held.validOn(),
                event.value(),
                event.rule(), held.order(), false));
    }

    @EventSourcingHandler
    void on(MeasurementRetracted event) {
        Held held = measurements.get(event.measurementId());
        measurements.put(event.measurementId(), new Held(held.id(), held.indicatorCode(), held.validOn(),
                held.value(),
                held.rule(), held.order(), true));
    }

    @EventSourcingHandler
    void on(IndicatorStatusChanged event) {
        indicatorStatuses.put(event.indicatorCode(), event.status());
    }

    @EventSourcingHandler
    void on(CriterionStatusChanged event) {
        criterionStatuses.put(event.criterionCode(), event.status());
    }

    @EventSourcingHandler
    void on(CriteriaSetStatusChanged event) {
        setStatus = event.status();
    }

    @EventSourcingHandler
    void on(AssessmentReevaluated event) {
        activeVersion = event.setVersion();
        activeRules.clear();
        activeRules.putAll(event.rules());
    }
}
