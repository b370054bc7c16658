package vn.ntm.criteria.assessment.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.CorrectMeasurement;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.RecordMeasurement;
import vn.ntm.criteria.assessment.api.RecordMeasurements;
import vn.ntm.criteria.assessment.api.RetractMeasurement;
import vn.ntm.criteria.assessment.query.AssessmentLog;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.criteria.unit.command.KnownUnits;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.web.ActorResolver;

/**
 * What a measurement command needs before it is sent: the unit (known, and not ended by the measurement's date), the
 * set version in force on that date (published and complete), the measurement a correction or retraction names,
 * and the rule book the assessment judges with ({@link RuleBooks}). The rules of the measurement itself — date not in
 * the future, indicator of that version, value fitting it, not a duplicate — are the aggregate's ({@code Assessment}).
 */
@Service
public class MeasurementRecording {

    /** The most items a form may have; a set has far fewer indicators (55 in the national commune set). */
    public static final int MAX_FORM_ITEMS = 500;

    private final KnownUnits units;
    private final CriteriaCatalogue catalogue;
    private final AssessmentLog log;
    private final RuleBooks rules;
    private final CommandGateway commands;
    private final ActorResolver actors;

    MeasurementRecording(KnownUnits units, CriteriaCatalogue catalogue, AssessmentLog log, RuleBooks rules,
                         CommandGateway commands, ActorResolver actors) {
        this.units = units;
        this.catalogue = catalogue;
        this.log = log;
        this.rules = rules;
        this.commands = commands;
        this.actors = actors;
    }

    /** One unit's assessment against the version of a set in force on the measurement's date. */
    public record Target(KnownUnits.KnownUnit unit, CriteriaSetDefinition set) {
        public CriteriaSetId setId() {
            return new CriteriaSetId(set.code());
        }

        public AssessmentId assessmentId() {
            return AssessmentId.of(unit.id(), setId());
        }
    }

    /** A measurement already recorded, as a correction or retraction finds it. */
    public record Recorded(MeasurementId measurementId, String unitId, String criteriaSet, String indicatorCode,
                           LocalDate validOn) {
    }

    /**
     * The unit and set version a measurement dated {@code validOn} is for: the unit known and not ended by then, the
     * set published and complete (a date outside every version is refused by the aggregate, quoting the set's dates).
     */
    public Target toMeasure(String unitId, String criteriaSet, LocalDate validOn) {
        KnownUnits.KnownUnit unit = units.findOn(unitId, validOn)
                .orElseThrow(() -> RuleViolation.unknown("unknown-unit", "unitId", unitId));
        if (!unit.existsOn(validOn)) {
            throw RuleViolation.conflict("unit-ended", "validOn", unit.name(), unit.endedOn());
        }
        CriteriaSetDefinition latest = catalogue.findByCode(criteriaSet)
                .orElseThrow(() -> RuleViolation.unknown("unknown-criteria-set", "criteriaSet", criteriaSet));
        CriteriaSetDefinition set = catalogue.inForceOrLatest(latest, validOn);
        if (set.skeleton() && catalogue.inForceOn(new CriteriaSetId(criteriaSet), validOn).isPresent()) {
            throw RuleViolation.invalid("criteria-set-is-skeleton", "criteriaSet", set.code());
        }
        return new Target(unit, set);
    }

    /** As {@link #toMeasure}, for a form of {@code items} items: at most {@link #MAX_FORM_ITEMS} of them. */
    public Target toMeasureForm(String unitId, String criteriaSet, LocalDate validOn, int items) {
        if (items > MAX_FORM_ITEMS) {
            throw RuleViolation.invalid("form-too-large", "items", items, MAX_FORM_ITEMS);
        }
        return toMeasure(unitId, criteriaSet, validOn);
    }

    /** The measurement a path names, recorded for this unit; 404 for any other (or no measurement id at all). */
    public Recorded recorded(String unitId, String measurementId) {
        MeasurementId id = MeasurementId.IDS.parse(measurementId)
                .orElseThrow(() -> RuleViolation.notFound("measurement-not-found", measurementId));
        return log.measurement(id).filter(m -> m.unitId().equals(unitId))
                .map(m -> new Recorded(id, m.unitId(), m.criteriaSet(), m.indicatorCode(), m.validOn()))
                .orElseThrow(() -> RuleViolation.notFound("measurement-not-found", measurementId));
    }

    public MeasurementId record(Target target, String indicatorCode, MeasuredValue value, LocalDate validOn,
                                Evidence evidence) {
        MeasurementId id = MeasurementId.IDS.random();
        commands.sendAndWait(new RecordMeasurement(target.assessmentId(), target.unit().id(), target.unit().path(),
                target.setId(), id, indicatorCode, value, validOn, evidence, rules.of(target.unit(), target.setId()),
                actors.current()));
        return id;
    }

    /** A form: all its items recorded by one command, or none of them. */
    public void recordForm(Target target, LocalDate validOn, List<RecordMeasurements.Item> items) {
        commands.sendAndWait(new RecordMeasurements(target.assessmentId(), target.unit().id(), target.unit().path(),
                target.setId(), validOn, items, rules.of(target.unit(), target.setId()), actors.current()));
    }

    /** Corrects a measurement, judged with the unit as it stood on the measurement's date. */
    public Target correct(Recorded measurement, MeasuredValue value, String reason, Evidence evidence) {
        Target target = new Target(units.findOn(measurement.unitId(), measurement.validOn()).orElseThrow(),
                versionOf(measurement));
        commands.sendAndWait(new CorrectMeasurement(target.assessmentId(), target.unit().id(), target.unit().path(),
                measurement.measurementId(), value, reason, evidence, rules.of(target.unit(), target.setId()),
                actors.current()));
        return target;
    }

    /** Retracts a measurement; the unit's path is today's. */
    public Target retract(Recorded measurement, String reason) {
        Target target = new Target(units.find(measurement.unitId()).orElseThrow(), versionOf(measurement));
        commands.sendAndWait(new RetractMeasurement(target.assessmentId(), target.unit().id(), target.unit().path(),
                measurement.measurementId(), reason, rules.of(target.unit(), target.setId()), actors.current()));
        return target;
    }

    private CriteriaSetDefinition versionOf(Recorded measurement) {
        CriteriaSetDefinition latest = catalogue.findByCode(measurement.criteriaSet())
                .orElseThrow(() -> RuleViolation.notFound("criteria-set-not-found", measurement.criteriaSet()));
        return catalogue.inForceOrLatest(latest, measurement.validOn());
    }
}
