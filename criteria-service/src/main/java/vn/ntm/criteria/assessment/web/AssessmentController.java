package vn.ntm.criteria.assessment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.criteria.assessment.api.AssessmentId;
import vn.ntm.criteria.assessment.api.CorrectMeasurementCommand;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.RecordMeasurementCommand;
import vn.ntm.criteria.assessment.api.RecordMeasurementsCommand;
import vn.ntm.criteria.assessment.api.RetractMeasurementCommand;
import vn.ntm.criteria.assessment.query.AssessmentLog;
import vn.ntm.criteria.assessment.rules.RuleBooks;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.api.CriteriaSetLevel;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.criteria.catalogue.query.ThresholdResolver;
import vn.ntm.criteria.unit.KnownUnits;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;
import vn.ntm.support.web.ActorResolver;

/** Measurements of a unit's indicators (record, correct, retract), and where the unit stands against a set. */
@RestController
@RequestMapping("/api/units")
class AssessmentController {

    private final CommandGateway commands;
    private final KnownUnits units;
    private final CriteriaCatalogue catalogue;
    private final AssessmentLog log;
    private final ThresholdResolver thresholds;
    private final RuleBooks rules;
    private final ActorResolver actors;
    private final AccessGuard access;
    private final java.time.Clock clock;

    AssessmentController(CommandGateway commands, KnownUnits units, CriteriaCatalogue catalogue, AssessmentLog log,
                         ThresholdResolver thresholds, RuleBooks rules, ActorResolver actors,
                         AccessGuard access, java.time.Clock clock) {
        this.access = access;
        this.rules = rules;
        this.clock = clock;
        this.commands = commands;
        this.units = units;
        this.catalogue = catalogue;
        this.log = log;
        this.thresholds = thresholds;
        this.actors = actors;
    }

    /** @param office the office that assessed it (cơ quan thẩm định), required for a pass/fail indicator */
    record EvidenceRequest(@Size(max = 200) String document, @Size(max = 500) String link,
                           @Size(max = 2000) String note, @Size(max = 200) String office) {
        Evidence toEvidence() {
            return new Evidence(document, link, note, office);
        }
    }

    /** Exactly one of value, numerator with denominator, or passed, as the indicator's kind asks. */
    record RecordMeasurementRequest(@NotBlank @Size(max = 64) String criteriaSet,
                                    @NotBlank @Size(max = 16) String indicatorCode,
                                    BigDecimal value, Long numerator, Long denominator, Boolean passed,
                                    @NotNull LocalDate validOn, @Valid EvidenceRequest evidence) {
    }

    record CorrectionRequest(BigDecimal value, Long numerator, Long denominator, Boolean passed,
                             @NotBlank @Size(max = 2000) String reason, @Valid EvidenceRequest evidence) {
    }

    record RetractionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record Recorded(String measurementId, String assessmentId, StandingView.IndicatorView indicator) {
    }

    /**
     * A measurement form (biểu mẫu): what a commune officer fills in at once — several indicators of one set, all
     * valid on one date, recorded all together or not at all.
     *
     * @param evidence what backs the whole form; an item's own evidence fields take precedence over it
     */
    record MeasurementFormRequest(@NotBlank @Size(max = 64) String criteriaSet, @NotNull LocalDate validOn,
                                  @Valid EvidenceRequest evidence, @NotEmpty List<@NotNull @Valid FormItem> items) {
    }

    /** One indicator of a form: exactly one of value, numerator with denominator, or passed. */
    record FormItem(@NotBlank @Size(max = 16) String indicatorCode, BigDecimal value, Long numerator,
                    Long denominator, Boolean passed, @Valid EvidenceRequest evidence) {
    }

    /** @param items in the order of the form's items */
    record RecordedForm(String assessmentId, String criteriaSet, LocalDate validOn, List<RecordedItem> items) {
    }

    record RecordedItem(String indicatorCode, String measurementId, StandingView.IndicatorView indicator) {
    }

    /** The most items a form may have; a set has far fewer indicators (55 in the national commune set). */
    static final int MAX_FORM_ITEMS = 500;

    @GetMapping("/{unitId}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    KnownUnits.KnownUnit unit(@PathVariable String unitId) {
        return units.find(unitId).orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
    }

    @PostMapping("/{unitId}/measurements")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<Recorded> record(@PathVariable String unitId,
                                    @Valid @RequestBody RecordMeasurementRequest request) {
        access.require(unitId, request.validOn());
        KnownUnits.KnownUnit unit = unitToMeasure(unitId, request.validOn());
        CriteriaSetDefinition set = setToMeasure(request.criteriaSet(), request.validOn());
        MeasuredValue value = new MeasuredValue(request.value(), request.numerator(), request.denominator(),
                request.passed());
        String measurementId = UUID.randomUUID().toString();
        CriteriaSetId setId = new CriteriaSetId(set.code());
        AssessmentId assessmentId = AssessmentId.of(unit.id(), setId);
        commands.sendAndWait(new RecordMeasurementCommand(assessmentId, unit.id(), unit.path(), setId, measurementId,
                request.indicatorCode(), value, request.validOn(), evidence(request.evidence()),
                rules.of(unit, setId), actors.current()));
        return ResponseEntity.created(standingUri(unitId, set)).body(new Recorded(measurementId,
                assessmentId.value(), standingOn(unit, set, request.indicatorCode(), request.validOn())));
    }

    /**
     * A measurement form: one command for all its items, so one request, one aggregate load and one transaction
     * record them all — or, when any item is refused, none of them (the problem names the item).
     */
    @PostMapping("/{unitId}/measurement-forms")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<RecordedForm> recordForm(@PathVariable String unitId,
                                            @Valid @RequestBody MeasurementFormRequest request) {
        access.require(unitId, request.validOn());
        if (request.items().size() > MAX_FORM_ITEMS) {
            throw RuleViolation.invalid("form-too-large", "items", request.items().size(), MAX_FORM_ITEMS);
        }
        KnownUnits.KnownUnit unit = unitToMeasure(unitId, request.validOn());
        CriteriaSetDefinition set = setToMeasure(request.criteriaSet(), request.validOn());
        Evidence shared = evidence(request.evidence());
        List<RecordMeasurementsCommand.Item> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            FormItem item = request.items().get(i);
            try {
                items.add(new RecordMeasurementsCommand.Item(UUID.randomUUID().toString(), item.indicatorCode(),
                        new MeasuredValue(item.value(), item.numerator(), item.denominator(), item.passed()),
                        shared.overriddenBy(evidence(item.evidence()))));
            } catch (RuleViolation violation) {
                throw violation.inItem("items", i, "indicatorCode", item.indicatorCode());
            }
        }
        CriteriaSetId setId = new CriteriaSetId(set.code());
        AssessmentId assessmentId = AssessmentId.of(unit.id(), setId);
        commands.sendAndWait(new RecordMeasurementsCommand(assessmentId, unit.id(), unit.path(), setId,
                request.validOn(), items, rules.of(unit, setId), actors.current()));
        StandingView standing = standing(unit, set, request.validOn());
        List<RecordedItem> recorded = items.stream().map(item -> new RecordedItem(item.indicatorCode(),
                item.measurementId(), standing.indicator(item.indicatorCode()))).toList();
        return ResponseEntity.created(standingUri(unitId, set))
                .body(new RecordedForm(assessmentId.value(), set.code(), request.validOn(), recorded));
    }

    /** The unit a measurement dated {@code validOn} is for: known, and not ended by then. */
    private KnownUnits.KnownUnit unitToMeasure(String unitId, LocalDate validOn) {
        KnownUnits.KnownUnit unit = units.findOn(unitId, validOn)
                .orElseThrow(() -> RuleViolation.unknown("unknown-unit", "unitId", unitId));
        if (!unit.existsOn(validOn)) {
            throw RuleViolation.conflict("unit-ended", "validOn", unit.name(), unit.endedOn());
        }
        return unit;
    }

    /**
     * The version of a published set in force on {@code validOn}, which must be complete; a date outside every
     * version is refused by the command, quoting the set's own dates.
     */
    private CriteriaSetDefinition setToMeasure(String code, LocalDate validOn) {
        CriteriaSetDefinition set = inForce(publishedSet(code, true), validOn);
        if (set.skeleton() && catalogue.inForceOn(new CriteriaSetId(code), validOn).isPresent()) {
            throw RuleViolation.invalid("criteria-set-is-skeleton", "criteriaSet", set.code());
        }
        return set;
    }

    private static Evidence evidence(EvidenceRequest request) {
        return request == null ? Evidence.NONE : request.toEvidence();
    }

    private static URI standingUri(String unitId, CriteriaSetDefinition set) {
        return URI.create("/api/units/" + unitId + "/standing?criteriaSet=" + set.code());
    }

    @PostMapping("/{unitId}/measurements/{measurementId}/corrections")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    Recorded correct(@PathVariable String unitId, @PathVariable String measurementId,
                     @Valid @RequestBody CorrectionRequest request) {
        AssessmentLog.MeasurementRef ref = measurementOf(unitId, measurementId);
        access.require(unitId, ref.validOn());
        KnownUnits.KnownUnit unit = units.findOn(unitId, ref.validOn()).orElseThrow();
        CriteriaSetDefinition set = inForce(publishedSet(ref.criteriaSet(), false), ref.validOn());
        MeasuredValue value = new MeasuredValue(request.value(), request.numerator(), request.denominator(),
                request.passed());
        CriteriaSetId setId = new CriteriaSetId(set.code());
        AssessmentId assessmentId = AssessmentId.of(unit.id(), setId);
        commands.sendAndWait(new CorrectMeasurementCommand(assessmentId, unit.id(), unit.path(), measurementId,
                value, request.reason(), evidence(request.evidence()), rules.of(unit, setId), actors.current()));
        return new Recorded(measurementId, assessmentId.value(),
                standingOn(unit, set, ref.indicatorCode(), ref.validOn()));
    }

    @PostMapping("/{unitId}/measurements/{measurementId}/retraction")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    Recorded retract(@PathVariable String unitId, @PathVariable String measurementId,
                     @Valid @RequestBody RetractionRequest request) {
        AssessmentLog.MeasurementRef ref = measurementOf(unitId, measurementId);
        KnownUnits.KnownUnit unit = units.find(unitId).orElseThrow();
        CriteriaSetDefinition set = inForce(publishedSet(ref.criteriaSet(), false), ref.validOn());
        CriteriaSetId setId = new CriteriaSetId(set.code());
        AssessmentId assessmentId = AssessmentId.of(unit.id(), setId);
        commands.sendAndWait(new RetractMeasurementCommand(assessmentId, unit.id(), unit.path(), measurementId,
                request.reason(), rules.of(unit, setId), actors.current()));
        return new Recorded(measurementId, assessmentId.value(),
                standingOn(unit, set, ref.indicatorCode(), ref.validOn()));
    }

    /**
     * A unit's standing against a set on a date ({@code asOf}; when not given, today in Vietnam, or the last day of a
     * set no longer in force): the set's status and counts of that date, each criterion's, and every indicator with
     * the measurement that governs the date, its threshold, margin, evidence and provenance — by the set version in
     * force that day and the unit as it stood.
     */
    @GetMapping("/{unitId}/standing")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    StandingView standing(@PathVariable String unitId, @RequestParam String criteriaSet,
                          @RequestParam(required = false) LocalDate asOf) {
        CriteriaSetDefinition latest = publishedSet(criteriaSet, false);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = asOf != null ? asOf
                : latest.effectiveTo() != null && latest.effectiveTo().isBefore(today) ? latest.effectiveTo() : today;
        KnownUnits.KnownUnit unit = units.findOn(unitId, on)
                .orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        return standing(unit, inForce(latest, on), on);
    }

    /**
     * The gap list: what is still missing for the unit to meet a set, named directly or by the recognition level
     * aimed at (the national set of that level in force today).
     */
    @GetMapping("/{unitId}/gaps")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    StandingView gaps(@PathVariable String unitId, @RequestParam(required = false) String criteriaSet,
                      @RequestParam(required = false) CriteriaSetLevel level) {
        if (criteriaSet == null) {
            if (level == null) {
                throw RuleViolation.invalid("set-or-level-required", "criteriaSet");
            }
            criteriaSet = catalogue.inForceForLevel(level.name(), LocalDate.now(clock)).stream().findFirst()
                    .orElseThrow(() -> RuleViolation.notFound("no-set-for-level", level)).code();
        }
        return standing(unitId, criteriaSet, null).gaps();
    }

    /**
     * The full history of one indicator or criterion (by its code), or of the set's own status when no code is
     * given: measurements, corrections, retractions and status changes, with valid and recorded time.
     */
    @GetMapping("/{unitId}/history")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<AssessmentLog.Entry> history(@PathVariable String unitId, @RequestParam String criteriaSet,
                                      @RequestParam(required = false) String code) {
        units.find(unitId).orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        return log.history(unitId, publishedSet(criteriaSet, false).code(), code);
    }

    @GetMapping("/{unitId}/assessments")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<String> assessedSets(@PathVariable String unitId) {
        units.find(unitId).orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        return log.setsAssessedFor(unitId);
    }

    /**
     * Where the unit stands on one indicator on the measurement's date: the answer to a single measurement,
     * correction or retraction (what the fact now says about its own date).
     */
    private StandingView.IndicatorView standingOn(KnownUnits.KnownUnit unit, CriteriaSetDefinition set, String code,
                                                  LocalDate on) {
        return StandingView.indicator(set, code, log.standing(unit.id(), set.code(), code, on), thresholdsFor(unit),
                on);
    }

    private StandingView standing(KnownUnits.KnownUnit unit, CriteriaSetDefinition set, LocalDate on) {
        return StandingView.of(unit, set, log.standing(unit.id(), set.code(), null, on),
                log.setStanding(unit.id(), set.code(), on), thresholdsFor(unit), on);
    }

    private StandingView.Thresholds thresholdsFor(KnownUnits.KnownUnit unit) {
        return (indicator, year) -> thresholds.resolve(indicator, unit.thresholdRegion(), unit.communeGroup(), year);
    }

    private AssessmentLog.MeasurementRef measurementOf(String unitId, String measurementId) {
        return log.measurement(measurementId).filter(m -> m.unitId().equals(unitId))
                .orElseThrow(() -> RuleViolation.notFound("measurement-not-found", measurementId));
    }

    /** The version in force on {@code date}; outside every version, the latest (whose dates then refuse it). */
    private CriteriaSetDefinition inForce(CriteriaSetDefinition latest, LocalDate date) {
        return catalogue.inForceOn(new CriteriaSetId(latest.code()), date).orElse(latest);
    }

    /** @param asInput true when the code came in a request body (422 if unknown), false for a path or query (404) */
    private CriteriaSetDefinition publishedSet(String code, boolean asInput) {
        java.util.Optional<CriteriaSetDefinition> set;
        try {
            set = catalogue.find(new CriteriaSetId(code));
        } catch (RuleViolation e) {
            set = java.util.Optional.empty();
        }
        return set.orElseThrow(() -> asInput
                ? RuleViolation.unknown("unknown-criteria-set", "criteriaSet", code)
                : RuleViolation.notFound("criteria-set-not-found", code));
    }
}
