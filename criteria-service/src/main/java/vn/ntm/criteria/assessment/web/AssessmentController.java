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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.criteria.assessment.api.Evidence;
import vn.ntm.criteria.assessment.api.MeasuredValue;
import vn.ntm.criteria.assessment.api.MeasurementId;
import vn.ntm.criteria.assessment.api.RecordMeasurements;
import vn.ntm.criteria.assessment.command.MeasurementRecording;
import vn.ntm.criteria.assessment.command.MeasurementRecording.Target;
import vn.ntm.criteria.assessment.query.AssessmentLog;
import vn.ntm.criteria.assessment.query.AssessmentQueries;
import vn.ntm.criteria.assessment.query.StandingView;
import vn.ntm.criteria.catalogue.api.CriteriaSetLevel;
import vn.ntm.criteria.unit.command.KnownUnits;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.support.security.Access;
import vn.ntm.support.security.AccessGuard;
import vn.ntm.support.security.Role;

/**
 * Measurements of a unit's indicators (record, correct, retract), and where the unit stands against a set. Translates
 * HTTP to a command ({@link MeasurementRecording} resolves what it needs; the aggregate {@code Assessment} holds the
 * rules) or a query ({@link AssessmentQueries}) and back.
 */
@RestController
@RequestMapping("/api/units")
class AssessmentController {

    private final MeasurementRecording recording;
    private final AssessmentQueries queries;
    private final AccessGuard access;

    AssessmentController(MeasurementRecording recording, AssessmentQueries queries, AccessGuard access) {
        this.recording = recording;
        this.queries = queries;
        this.access = access;
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

    @GetMapping("/{unitId}")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    KnownUnits.KnownUnit unit(@PathVariable String unitId) {
        return queries.unit(unitId);
    }

    @PostMapping("/{unitId}/measurements")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    ResponseEntity<Recorded> record(@PathVariable String unitId,
                                    @Valid @RequestBody RecordMeasurementRequest request) {
        access.require(unitId, request.validOn());
        Target target = recording.toMeasure(unitId, request.criteriaSet(), request.validOn());
        MeasuredValue value = new MeasuredValue(request.value(), request.numerator(), request.denominator(),
                request.passed());
        MeasurementId id = recording.record(target, request.indicatorCode(), value, request.validOn(),
                evidence(request.evidence()));
        return ResponseEntity.created(standingUri(unitId, target)).body(recorded(id, target,
                request.indicatorCode(), request.validOn()));
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
        Target target = recording.toMeasureForm(unitId, request.criteriaSet(), request.validOn(),
                request.items().size());
        Evidence shared = evidence(request.evidence());
        List<RecordMeasurements.Item> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            FormItem item = request.items().get(i);
            try {
                items.add(new RecordMeasurements.Item(MeasurementId.IDS.random(), item.indicatorCode(),
                        new MeasuredValue(item.value(), item.numerator(), item.denominator(), item.passed()),
                        shared.overriddenBy(evidence(item.evidence()))));
            } catch (RuleViolation violation) {
                throw violation.inItem("items", i, "indicatorCode", item.indicatorCode());
            }
        }
        recording.recordForm(target, request.validOn(), items);
        StandingView standing = queries.standing(target.unit(), target.set(), request.validOn());
        List<RecordedItem> recorded = items.stream().map(item -> new RecordedItem(item.indicatorCode(),
                item.measurementId().value(), standing.indicator(item.indicatorCode()))).toList();
        return ResponseEntity.created(standingUri(unitId, target)).body(new RecordedForm(
                target.assessmentId().value(), target.set().code(), request.validOn(), recorded));
    }

    @PostMapping("/{unitId}/measurements/{measurementId}/corrections")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    Recorded correct(@PathVariable String unitId, @PathVariable String measurementId,
                     @Valid @RequestBody CorrectionRequest request) {
        MeasurementRecording.Recorded measurement = recording.recorded(unitId, measurementId);
        access.require(unitId, measurement.validOn());
        Target target = recording.correct(measurement, new MeasuredValue(request.value(), request.numerator(),
                request.denominator(), request.passed()), request.reason(), evidence(request.evidence()));
        return recorded(measurement.measurementId(), target, measurement.indicatorCode(), measurement.validOn());
    }

    @PostMapping("/{unitId}/measurements/{measurementId}/retraction")
    @Access(roles = Role.COMMUNE_OFFICER, unit = "unitId")
    Recorded retract(@PathVariable String unitId, @PathVariable String measurementId,
                     @Valid @RequestBody RetractionRequest request) {
        MeasurementRecording.Recorded measurement = recording.recorded(unitId, measurementId);
        Target target = recording.retract(measurement, request.reason());
        return recorded(measurement.measurementId(), target, measurement.indicatorCode(), measurement.validOn());
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
        return queries.standing(unitId, criteriaSet, asOf);
    }

    /**
     * The gap list: what is still missing for the unit to meet a set, named directly or by the recognition level
     * aimed at (the national set of that level in force today).
     */
    @GetMapping("/{unitId}/gaps")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    StandingView gaps(@PathVariable String unitId, @RequestParam(required = false) String criteriaSet,
                      @RequestParam(required = false) CriteriaSetLevel level) {
        return queries.gaps(unitId, criteriaSet, level);
    }

    /**
     * The full history of one indicator or criterion (by its code), or of the set's own status when no code is
     * given: measurements, corrections, retractions and status changes, with valid and recorded time.
     */
    @GetMapping("/{unitId}/history")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<AssessmentLog.Entry> history(@PathVariable String unitId, @RequestParam String criteriaSet,
                                      @RequestParam(required = false) String code) {
        return queries.history(unitId, criteriaSet, code);
    }

    @GetMapping("/{unitId}/assessments")
    @Access(roles = {Role.COMMUNE_OFFICER, Role.ANALYST, Role.PROVINCIAL_ADMIN}, unit = "unitId")
    List<String> assessedSets(@PathVariable String unitId) {
        return queries.assessedSets(unitId);
    }

    /** The answer to one measurement, correction or retraction: what the fact now says about its own date. */
    private Recorded recorded(MeasurementId id, Target target, String indicatorCode, LocalDate validOn) {
        return new Recorded(id.value(), target.assessmentId().value(),
                queries.indicatorOn(target.unit(), target.set(), indicatorCode, validOn));
    }

    private static Evidence evidence(EvidenceRequest request) {
        return request == null ? Evidence.NONE : request.toEvidence();
    }

    private static URI standingUri(String unitId, Target target) {
        return URI.create("/api/units/" + unitId + "/standing?criteriaSet=" + target.set().code());
    }
}
