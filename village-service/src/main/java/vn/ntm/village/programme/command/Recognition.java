package vn.ntm.village.programme.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.DecideRecognition;
import vn.ntm.village.programme.api.RecognitionDecided;
import vn.ntm.village.programme.api.RecognitionId;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.programme.api.RecognitionRequested;
import vn.ntm.village.programme.api.RecognitionRevoked;
import vn.ntm.village.programme.api.RecognitionStep;
import vn.ntm.village.programme.api.RecognitionStepRecorded;
import vn.ntm.village.programme.api.RecordStep;
import vn.ntm.village.programme.api.RecordSurvey;
import vn.ntm.village.programme.api.RequestRecognition;
import vn.ntm.village.programme.api.RevocationWarning;
import vn.ntm.village.programme.api.RevokeRecognition;
import vn.ntm.village.programme.api.RewardGranted;
import vn.ntm.village.programme.api.SurveyResult;
import vn.ntm.village.programme.api.WarnOfRevocation;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.command.UnitLookup;

/**
 * One unit's way to recognition at a level (decision 18/2022/QĐ-TTg): request with a self-assessment → public comment
 * → satisfaction survey → check by the level above → appraisal → decision → publication; afterwards, revocation
 * warnings when criteria lapse and a revocation decision. Steps come in that order; a failed check or appraisal ends
 * the request. The request and the decision are refused unless criteria-service's statuses say the set is met on
 * their date (the request's, the decision's): statuses are timelines in valid time, and a later-dated lapse or a
 * back-dated recovery changes nothing for a date it does not cover.
 */
@Aggregate
class Recognition {

    private static final Actor WATCH = Actor.system("village-service/revocation-watch");
    private static final List<RecognitionStep> BEFORE_DECISION = List.of(RecognitionStep.PUBLIC_COMMENT,
            RecognitionStep.SATISFACTION_SURVEY, RecognitionStep.HIGHER_LEVEL_CHECK, RecognitionStep.APPRAISAL);

    @AggregateIdentifier
    private RecognitionId id;
    private UnitId unitId;
    private List<UnitRef> path;
    private RecognitionLevel level;
    private String criteriaSetCode;
    private final Set<RecognitionStep> done = new HashSet<>();
    private LocalDate lastStepOn;
    private boolean rejected;
    private LocalDate decidedOn;
    private boolean revoked;
    private LocalDate revokedOn;
    /** Trigger and date of each warning given: one per recognition, trigger and date. */
    private final Set<String> warned = new HashSet<>();

    Recognition() {
        // for Axon
    }

    @CommandHandler
    Recognition(RequestRecognition command, UnitLookup units, ProgrammeLookup programme, Clock clock) {
        notInFuture(command.requestedOn(), clock);
        UnitLookup.Entry unit = units.findOn(command.unitId(), command.requestedOn()).orElseThrow(
                () -> RuleViolation.unknown("recognition-unit-not-in-force", "unitId", command.unitId().value(),
                        command.requestedOn()));
        if (programme.recognitionUnderWayOrHeld(command.unitId(), command.level())) {
            throw RuleViolation.conflict("recognition-already-under-way", "level", unit.name(), command.level());
        }
        if (!command.noOverdueConstructionDebt()) {
            throw RuleViolation.invalid("overdue-construction-debt", "noOverdueConstructionDebt", unit.name());
        }
        ProgrammeLookup.SetStanding standing = metStanding(command.unitId(), unit.name(), command.criteriaSetCode(),
                command.requestedOn(), programme);
        apply(new RecognitionRequested(command.recognitionId(), command.unitId(),
                units.pathOn(command.unitId(), command.requestedOn()), command.level(), command.criteriaSetCode(),
                command.requestedOn(), standing.criteriaMet(), standing.criteriaTotal(), standing.validFrom(), true,
                command.evidence(), command.actor()));
    }

    @CommandHandler
    void handle(RecordStep command, Clock clock) {
        if (command.step() == RecognitionStep.SATISFACTION_SURVEY) {
            throw RuleViolation.invalid("survey-needs-figures", "step");
        }
        checkStep(command.step(), command.on(), clock);
        apply(new RecognitionStepRecorded(id, unitId, path, command.step(), command.on(), command.by(),
                command.passed(), command.note(), List.of(), command.actor()));
    }

    @CommandHandler
    void handle(RecordSurvey command, UnitLookup units, Clock clock) {
        checkStep(RecognitionStep.SATISFACTION_SURVEY, command.on(), clock);
        if (command.villages().isEmpty()) {
            throw RuleViolation.invalid("survey-without-villages", "villages");
        }
        Set<UnitId> seen = new HashSet<>();
        List<SurveyResult> results = new ArrayList<>();
        for (RecordSurvey.Village village : command.villages()) {
            UnitLookup.Entry entry = units.findOn(village.unitId(), command.on())
                    .filter(e -> e.level() == UnitLevel.VILLAGE)
                    .filter(e -> units.pathOn(e.id(), command.on()).stream()
                            .anyMatch(ref -> ref.id().equals(unitId.value())))
                    .orElseThrow(() -> RuleViolation.invalid("survey-village-outside", "villages",
                            village.unitId().value()));
            if (!seen.add(village.unitId())) {
                throw RuleViolation.invalid("survey-village-repeated", "villages", entry.name());
            }
            if (village.householdsSurveyed() <= 0 || village.householdsSatisfied() < 0) {
                throw RuleViolation.invalid("survey-count-invalid", "villages", entry.name());
            }
            if (village.householdsSatisfied() > village.householdsSurveyed()) {
                throw RuleViolation.invalid("more-satisfied-than-surveyed", "villages", entry.name(),
                        village.householdsSatisfied(), village.householdsSurveyed());
            }
            results.add(new SurveyResult(village.unitId(), entry.name(), village.householdsSurveyed(),
                    village.householdsSatisfied()));
        }
        apply(new RecognitionStepRecorded(id, unitId, path, RecognitionStep.SATISFACTION_SURVEY, command.on(),
                command.by(), command.passed(), command.note(), List.copyOf(results), command.actor()));
    }

    @CommandHandler
    void handle(DecideRecognition command, UnitLookup units, ProgrammeLookup programme, Clock clock) {
        if (command.decisionNumber() == null || command.decisionNumber().isBlank() || command.decidedOn() == null) {
            throw RuleViolation.invalid("decision-needs-number-and-date", "decisionNumber");
        }
        open();
        if (decidedOn != null) {
            throw RuleViolation.conflict("recognition-already-decided", "decisionNumber", decidedOn);
        }
        for (RecognitionStep step : BEFORE_DECISION) {
            if (!done.contains(step)) {
                throw RuleViolation.conflict("step-missing", "decisionNumber", step);
            }
        }
        notInFuture(command.decidedOn(), clock);
        notBeforeLastStep(command.decidedOn());
        String name = path.get(path.size() - 1).name();
        metStanding(unitId, name, criteriaSetCode, command.decidedOn(), programme);
        apply(new RecognitionDecided(id, unitId, path, level, criteriaSetCode, command.decisionNumber().strip(),
                command.decidedOn(), command.authority(), command.actor()));
        List<UnitId> unitAndAbove = units.pathOn(unitId, command.decidedOn()).stream()
                .map(ref -> new UnitId(ref.id())).toList();
        String unitLevel = units.find(unitId).orElseThrow().level().name();
        for (ProgrammeLookup.Reward reward : programme.rewards(unitAndAbove, command.decidedOn().getYear())) {
            if (reward.rule().level() == level && reward.rule().unitLevel().equals(unitLevel)) {
                apply(new RewardGranted(id, unitId, path, reward.planId(), reward.planNumber(),
                        reward.rule().ruleId(), reward.rule().amount(), reward.rule().budgetSource(),
                        command.decidedOn(), command.actor()));
            }
        }
    }

    /**
     * Warns for a date on which the recognition is in force (decided on or before it, not revoked by then), once per
     * trigger and date: statuses arrive in any order of valid time, so the same date may be judged again.
     */
    @CommandHandler
    void handle(WarnOfRevocation command) {
        LocalDate on = command.validOn();
        boolean inForce = decidedOn != null && !on.isBefore(decidedOn) && (revokedOn == null || on.isBefore(revokedOn));
        if (!inForce || warned.contains(warning(command.trigger(), on))) {
            return;
        }
        apply(new RevocationWarning(id, unitId, path, level, criteriaSetCode, command.trigger(),
                command.criteriaFailing(), command.criteriaTotal(), command.failingCriteria(),
                command.failingKeyCriteria(), command.validOn(), WATCH));
    }

    @CommandHandler
    void handle(RevokeRecognition command, Clock clock) {
        if (command.decisionNumber() == null || command.decisionNumber().isBlank() || command.decidedOn() == null) {
            throw RuleViolation.invalid("decision-needs-number-and-date", "decisionNumber");
        }
        if (decidedOn == null || revoked) {
            throw RuleViolation.conflict("nothing-to-revoke", "decisionNumber");
        }
        notInFuture(command.decidedOn(), clock);
        if (command.decidedOn().isBefore(decidedOn)) {
            throw RuleViolation.invalid("revoked-before-recognised", "decidedOn", command.decidedOn(), decidedOn);
        }
        apply(new RecognitionRevoked(id, unitId, path, level, command.decisionNumber().strip(), command.decidedOn(),
                command.authority(), command.reason(), command.actor()));
    }

    private void checkStep(RecognitionStep step, LocalDate on, Clock clock) {
        open();
        notInFuture(on, clock);
        notBeforeLastStep(on);
        if (step == RecognitionStep.PUBLICATION) {
            if (decidedOn == null) {
                throw RuleViolation.conflict("step-missing", "step", "DECISION");
            }
        } else {
            if (decidedOn != null) {
                throw RuleViolation.conflict("recognition-already-decided", "step", decidedOn);
            }
            for (RecognitionStep earlier : BEFORE_DECISION.subList(0, BEFORE_DECISION.indexOf(step))) {
                if (!done.contains(earlier)) {
                    throw RuleViolation.conflict("step-missing", "step", earlier);
                }
            }
        }
        if (done.contains(step)) {
            throw RuleViolation.conflict("step-already-recorded", "step", step);
        }
    }

    private void open() {
        if (rejected) {
            throw RuleViolation.conflict("recognition-rejected", "step");
        }
        if (revoked) {
            throw RuleViolation.conflict("recognition-revoked", "step");
        }
    }

    private void notBeforeLastStep(LocalDate on) {
        if (on.isBefore(lastStepOn)) {
            throw RuleViolation.invalid("step-before-previous", "on", on, lastStepOn);
        }
    }

    /** The unit's standing against the set on {@code on}, which must be met. */
    private static ProgrammeLookup.SetStanding metStanding(UnitId unitId, String name, String setCode, LocalDate on,
                                                           ProgrammeLookup programme) {
        ProgrammeLookup.SetStanding standing = programme.standing(unitId, setCode, on).orElseThrow(
                () -> RuleViolation.conflict("criteria-status-unknown", "criteriaSetCode", name, setCode, on));
        if (!standing.met()) {
            throw RuleViolation.conflict("criteria-not-met", "criteriaSetCode", name, setCode,
                    standing.criteriaTotal() - standing.criteriaMet(), standing.criteriaTotal(),
                    String.join("; ", Stream.concat(standing.notMet().stream(),
                            standing.unknown().stream()).map(ProgrammeLookup.Criterion::label).toList()), on);
        }
        return standing;
    }

    private static String warning(String trigger, LocalDate on) {
        return trigger + " " + on;
    }

    private static void notInFuture(LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw RuleViolation.invalid("date-in-future", "on", date);
        }
    }

    @EventSourcingHandler
    void on(RecognitionRequested event) {
        this.id = event.recognitionId();
        this.unitId = event.unitId();
        this.path = event.path();
        this.level = event.level();
        this.criteriaSetCode = event.criteriaSetCode();
        this.lastStepOn = event.requestedOn();
    }

    @EventSourcingHandler
    void on(RecognitionStepRecorded event) {
        done.add(event.step());
        lastStepOn = event.on();
        if (!event.passed() && (event.step() == RecognitionStep.HIGHER_LEVEL_CHECK
                || event.step() == RecognitionStep.APPRAISAL)) {
            rejected = true;
        }
    }

    @EventSourcingHandler
    void on(RecognitionDecided event) {
        this.decidedOn = event.decidedOn();
        this.lastStepOn = event.decidedOn();
    }

    @EventSourcingHandler
    void on(RevocationWarning event) {
        warned.add(warning(event.trigger(), event.validOn()));
    }

    @EventSourcingHandler
    void on(RecognitionRevoked event) {
        this.revoked = true;
        this.revokedOn = event.decidedOn();
    }
}
