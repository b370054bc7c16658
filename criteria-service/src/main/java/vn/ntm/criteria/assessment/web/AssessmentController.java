package vn.ntm.criteria.assessment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.IndicatorRule;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.RecordMeasurementCommand;
import vn.ntm.criteria.assessment.query.IndicatorStanding;
import vn.ntm.criteria.catalogue.api.CriteriaSetDefinition;
import vn.ntm.criteria.catalogue.api.CriteriaSetId;
import vn.ntm.criteria.catalogue.query.CriteriaCatalogue;
import vn.ntm.criteria.unit.KnownUnits;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.web.ActorResolver;

/** Measurements of a unit's indicators, and where the unit stands against a criteria set. */
@RestController
@RequestMapping("/api/units")
class AssessmentController {

    private final CommandGateway commands;
    private final KnownUnits units;
    private final CriteriaCatalogue catalogue;
    private final IndicatorStanding standing;
    private final ActorResolver actors;

    AssessmentController(CommandGateway commands, KnownUnits units, CriteriaCatalogue catalogue,
                         IndicatorStanding standing, ActorResolver actors) {
        this.commands = commands;
        this.units = units;
        this.catalogue = catalogue;
        this.standing = standing;
        this.actors = actors;
    }

    record EvidenceRequest(@Size(max = 200) String document, @Size(max = 500) String link,
                           @Size(max = 2000) String note) {
    }

    /** Exactly one of value, numerator with denominator, or passed, as the indicator's kind asks. */
    record RecordMeasurementRequest(@NotBlank @Size(max = 64) String criteriaSet,
                                    @NotBlank @Size(max = 16) String indicatorCode,
                                    BigDecimal value, Long numerator, Long denominator, Boolean passed,
                                    @NotNull LocalDate validOn, @Valid EvidenceRequest evidence) {
    }

    record Recorded(String measurementId, String assessmentId, StandingView.IndicatorView indicator) {
    }

    @GetMapping("/{unitId}")
    KnownUnits.KnownUnit unit(@PathVariable String unitId) {
        return units.find(unitId).orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
    }

    @PostMapping("/{unitId}/measurements")
    ResponseEntity<Recorded> record(@PathVariable String unitId,
                                    @Valid @RequestBody RecordMeasurementRequest request) {
        KnownUnits.KnownUnit unit = units.find(unitId)
                .orElseThrow(() -> RuleViolation.unknown("unknown-unit", "unitId", unitId));
        CriteriaSetId setId = setId(request.criteriaSet());
        CriteriaSetDefinition set = catalogue.find(setId)
                .orElseThrow(() -> RuleViolation.unknown("unknown-criteria-set", "criteriaSet", request.criteriaSet()));
        CriteriaSetDefinition.Indicator indicator = set.indicator(request.indicatorCode())
                .orElseThrow(() -> RuleViolation.unknown("unknown-indicator", "indicatorCode",
                        request.indicatorCode(), request.criteriaSet()));
        var threshold = CriteriaSetDefinition.thresholdFor(indicator, unit.region(), null, request.validOn().getYear());
        IndicatorRule rule = new IndicatorRule(setId, set.criterionOf(indicator.code()).orElseThrow().code(),
                indicator.code(), indicator.kind(), indicator.comparator(), indicator.unit(),
                threshold.map(CriteriaSetDefinition.Threshold::value).orElse(null),
                threshold.map(CriteriaSetDefinition.Threshold::verified).orElse(indicator.verified()),
                threshold.map(CriteriaSetDefinition.Threshold::source).orElse(indicator.source()),
                set.effectiveFrom(), set.effectiveTo());
        MeasuredValue value = new MeasuredValue(request.value(), request.numerator(), request.denominator(),
                request.passed());
        EvidenceRequest e = request.evidence();
        String measurementId = UUID.randomUUID().toString();
        AssessmentId assessmentId = AssessmentId.of(unit.id(), setId);
        commands.sendAndWait(new RecordMeasurementCommand(assessmentId, unit.id(), unit.path(), measurementId, rule,
                value, request.validOn(), e == null ? Evidence.NONE : new Evidence(e.document(), e.link(), e.note()),
                actors.current()));
        StandingView view = StandingView.of(unit, set, standing.forUnit(unit.id(), setId.value()));
        return ResponseEntity.created(URI.create("/api/units/" + unitId + "/standing?criteriaSet=" + setId))
                .body(new Recorded(measurementId, assessmentId.value(), view.indicator(indicator.code())));
    }

    /** A unit's standing against a set: every indicator with value, threshold, margin, evidence and provenance. */
    @GetMapping("/{unitId}/standing")
    StandingView standing(@PathVariable String unitId, @RequestParam String criteriaSet) {
        KnownUnits.KnownUnit unit = units.find(unitId)
                .orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        CriteriaSetDefinition set = catalogue.find(setId(criteriaSet))
                .orElseThrow(() -> RuleViolation.notFound("criteria-set-not-found", criteriaSet));
        Map<String, IndicatorStanding.Row> rows = standing.forUnit(unit.id(), set.code());
        return StandingView.of(unit, set, rows);
    }

    @GetMapping("/{unitId}/assessments")
    List<String> assessedSets(@PathVariable String unitId) {
        units.find(unitId).orElseThrow(() -> RuleViolation.notFound("unit-not-found", unitId));
        return standing.setsAssessedFor(unitId);
    }

    private static CriteriaSetId setId(String code) {
        try {
            return new CriteriaSetId(code);
        } catch (RuleViolation e) {
            throw RuleViolation.unknown("unknown-criteria-set", "criteriaSet", code);
        }
    }
}
