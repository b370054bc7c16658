package vn.ntm.village.programme.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.RecognitionCommands.DecideRecognition;
import vn.ntm.village.programme.api.RecognitionCommands.RecordStep;
import vn.ntm.village.programme.api.RecognitionCommands.RecordSurvey;
import vn.ntm.village.programme.api.RecognitionCommands.RequestRecognition;
import vn.ntm.village.programme.api.RecognitionCommands.RevokeRecognition;
import vn.ntm.village.programme.api.RecognitionCommands.WarnOfRevocation;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionDecided;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionRequested;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionRevoked;
import vn.ntm.village.programme.api.RecognitionEvents.RecognitionStepRecorded;
import vn.ntm.village.programme.api.RecognitionEvents.RevocationWarning;
import vn.ntm.village.programme.api.RecognitionEvents.RewardGranted;
import vn.ntm.village.programme.api.RecognitionEvents.SurveyResult;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.programme.api.RecognitionStep;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.command.UnitTestSupport;

/** Hoàng Vân's way to model-village recognition as a fixture: every step, refusal, reward and revocation. */
class RecognitionTest {

    static final Actor OFFICER = new Actor("can-bo@songvan", "commune-officer", null);
    static final Actor ADMIN = new Actor("quan-tri@bacgiang", "provincial-admin", null);
    static final String SET = "TEST-THON-KM";
    static final String ID = "rec-hoang-van";

    final UnitTestSupport.Units units = new UnitTestSupport.Units();
    final Lookup programme = new Lookup();
    final UnitId bacGiang = UnitId.random();
    final UnitId songVan = UnitId.random();
    final UnitId hoangVan = UnitId.random();
    final UnitId tanLap = UnitId.random();
    AggregateTestFixture<Recognition> fixture;
    List<UnitRef> path;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Recognition.class);
        fixture.registerInjectableResource(units);
        fixture.registerInjectableResource(programme);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC));
        units.add(bacGiang, UnitLevel.PROVINCE, "Bắc Giang", null);
        units.add(songVan, UnitLevel.COMMUNE, "Song Vân", bacGiang);
        units.add(hoangVan, UnitLevel.VILLAGE, "Hoàng Vân", songVan);
        units.add(tanLap, UnitLevel.VILLAGE, "Tân Lập", songVan);
        path = units.pathOn(hoangVan, LocalDate.of(2024, 10, 1));
        programme.standings.put(hoangVan, new ProgrammeLookup.SetStanding("MET", 3, 3, List.of(),
                LocalDate.of(2024, 9, 30)));
    }

    RequestRecognition request(boolean noDebt) {
        return new RequestRecognition(ID, hoangVan, RecognitionLevel.MODEL, SET, LocalDate.of(2024, 10, 1), noDebt,
                List.of("Báo cáo tự đánh giá"), OFFICER);
    }

    RecognitionRequested requested() {
        return new RecognitionRequested(ID, hoangVan, path, RecognitionLevel.MODEL, SET, LocalDate.of(2024, 10, 1),
                3, 3, LocalDate.of(2024, 9, 30), true, List.of("Báo cáo tự đánh giá"), OFFICER);
    }

    RecognitionStepRecorded step(RecognitionStep step, int day, boolean passed) {
        return new RecognitionStepRecorded(ID, hoangVan, path, step, LocalDate.of(2024, 10, day), "Cơ quan", passed,
                null, List.of(), ADMIN);
    }

    List<Object> upToAppraisal() {
        return List.of(requested(), step(RecognitionStep.PUBLIC_COMMENT, 5, true),
                step(RecognitionStep.SATISFACTION_SURVEY, 10, true), step(RecognitionStep.HIGHER_LEVEL_CHECK, 15, true),
                step(RecognitionStep.APPRAISAL, 20, true));
    }

    RecognitionDecided decided() {
        return new RecognitionDecided(ID, hoangVan, path, RecognitionLevel.MODEL, SET, "123/QĐ-UBND",
                LocalDate.of(2024, 11, 1), "Chủ tịch UBND huyện Tân Yên", ADMIN);
    }

    @Test
    void aRequestTakesTheSelfAssessmentSnapshot() {
        fixture.givenNoPriorActivity().when(request(true)).expectEvents(requested());
    }

    @Test
    void aRequestIsRefusedWhileCriteriaAreUnmetAndListsThem() {
        programme.standings.put(hoangVan, new ProgrammeLookup.SetStanding("NOT_MET", 2, 3,
                List.of("3 Nhà văn hóa"), LocalDate.of(2024, 9, 30)));
        refused(request(true), "criteria-not-met");
        fixture.givenNoPriorActivity().when(request(true)).expectException(new org.hamcrest.CustomMatcher<Object>(
                "a refusal naming the unmet criterion") {
            @Override
            public boolean matches(Object item) {
                return item instanceof RuleViolation v && java.util.Arrays.asList(v.args()).contains("3 Nhà văn hóa");
            }
        });
    }

    @Test
    void aRequestIsRefusedWhileNoStatusHasArrived() {
        programme.standings.clear();
        refused(request(true), "criteria-status-unknown");
    }

    @Test
    void aRequestIsRefusedWithOverdueConstructionDebt() {
        refused(request(false), "overdue-construction-debt");
    }

    @Test
    void aSecondRequestAtTheSameLevelIsRefused() {
        programme.underWay = true;
        refused(request(true), "recognition-already-under-way");
    }

    @Test
    void stepsComeInOrder() {
        fixture.given(requested())
                .when(new RecordStep(ID, RecognitionStep.HIGHER_LEVEL_CHECK, LocalDate.of(2024, 10, 5), "Huyện", true,
                        null, ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("step-missing"));
        fixture.given(requested())
                .when(new RecordStep(ID, RecognitionStep.PUBLIC_COMMENT, LocalDate.of(2024, 10, 5), "Cơ quan", true,
                        null, ADMIN))
                .expectEvents(step(RecognitionStep.PUBLIC_COMMENT, 5, true));
        fixture.given(requested())
                .when(new RecordStep(ID, RecognitionStep.PUBLIC_COMMENT, LocalDate.of(2024, 9, 5), "Cơ quan", true,
                        null, ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("step-before-previous"));
    }

    @Test
    void theSurveyRecordsHouseholdsPerVillage() {
        fixture.given(requested(), step(RecognitionStep.PUBLIC_COMMENT, 5, true))
                .when(survey(hoangVan, 120, 118))
                .expectEvents(new RecognitionStepRecorded(ID, hoangVan, path, RecognitionStep.SATISFACTION_SURVEY,
                        LocalDate.of(2024, 10, 10), "Ban công tác Mặt trận thôn", true, null,
                        List.of(new SurveyResult(hoangVan, "Hoàng Vân", 120, 118)), ADMIN));
    }

    @Test
    void moreSatisfiedThanSurveyedIsRefused() {
        fixture.given(requested(), step(RecognitionStep.PUBLIC_COMMENT, 5, true))
                .when(survey(hoangVan, 100, 101))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("more-satisfied-than-surveyed")).expectNoEvents();
    }

    @Test
    void aSurveyOfAVillageOutsideTheUnitIsRefused() {
        fixture.given(requested(), step(RecognitionStep.PUBLIC_COMMENT, 5, true))
                .when(survey(tanLap, 100, 90))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("survey-village-outside")).expectNoEvents();
    }

    @Test
    void theDecisionGrantsThePlansReward() {
        programme.rewards.add(new ProgrammeLookup.Reward("plan-30", "30/KH-UBND", new PlanParts.RewardRule(
                "model-village", RecognitionLevel.MODEL, "VILLAGE", new BigDecimal("10000000"),
                "Kinh phí sự nghiệp nông nghiệp huyện năm 2024", null)));
        programme.rewards.add(new ProgrammeLookup.Reward("plan-30", "30/KH-UBND", new PlanParts.RewardRule(
                "standard-commune", RecognitionLevel.STANDARD, "COMMUNE", new BigDecimal("5"), null, null)));
        fixture.given(upToAppraisal())
                .when(new DecideRecognition(ID, "123/QĐ-UBND", LocalDate.of(2024, 11, 1),
                        "Chủ tịch UBND huyện Tân Yên", ADMIN))
                .expectEvents(decided(), new RewardGranted(ID, hoangVan, path, "plan-30", "30/KH-UBND",
                        "model-village", new BigDecimal("10000000"), "Kinh phí sự nghiệp nông nghiệp huyện năm 2024",
                        LocalDate.of(2024, 11, 1), ADMIN));
    }

    @Test
    void aDecisionWithoutNumberOrDateIsRefused() {
        fixture.given(upToAppraisal())
                .when(new DecideRecognition(ID, " ", LocalDate.of(2024, 11, 1), "Chủ tịch", ADMIN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("decision-needs-number-and-date"));
        fixture.given(upToAppraisal())
                .when(new DecideRecognition(ID, "123/QĐ-UBND", null, "Chủ tịch", ADMIN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("decision-needs-number-and-date"));
    }

    @Test
    void aDecisionIsRefusedWhenCriteriaLapsedMeanwhile() {
        programme.standings.put(hoangVan, new ProgrammeLookup.SetStanding("NOT_MET", 2, 3, List.of("2 Nhà ở"),
                LocalDate.of(2024, 10, 25)));
        fixture.given(upToAppraisal())
                .when(new DecideRecognition(ID, "123/QĐ-UBND", LocalDate.of(2024, 11, 1), "Chủ tịch", ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("criteria-not-met"))
                .expectNoEvents();
    }

    @Test
    void aDecisionNeedsEveryStepBeforeIt() {
        fixture.given(requested(), step(RecognitionStep.PUBLIC_COMMENT, 5, true))
                .when(new DecideRecognition(ID, "123/QĐ-UBND", LocalDate.of(2024, 11, 1), "Chủ tịch", ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("step-missing"));
    }

    @Test
    void aFailedAppraisalEndsTheRequest() {
        fixture.given(requested(), step(RecognitionStep.PUBLIC_COMMENT, 5, true),
                        step(RecognitionStep.SATISFACTION_SURVEY, 10, true),
                        step(RecognitionStep.HIGHER_LEVEL_CHECK, 15, true), step(RecognitionStep.APPRAISAL, 20, false))
                .when(new DecideRecognition(ID, "123/QĐ-UBND", LocalDate.of(2024, 11, 1), "Chủ tịch", ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("recognition-rejected"));
    }

    @Test
    void publicationFollowsTheDecision() {
        List<Object> history = new ArrayList<>(upToAppraisal());
        fixture.given(history)
                .when(new RecordStep(ID, RecognitionStep.PUBLICATION, LocalDate.of(2024, 11, 5), "Cổng thông tin",
                        true, null, ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("step-missing"));
        history.add(decided());
        fixture.given(history)
                .when(new RecordStep(ID, RecognitionStep.PUBLICATION, LocalDate.of(2024, 11, 5), "Cơ quan", true,
                        null, ADMIN))
                .expectEvents(new RecognitionStepRecorded(ID, hoangVan, path, RecognitionStep.PUBLICATION,
                        LocalDate.of(2024, 11, 5), "Cơ quan", true, null, List.of(), ADMIN));
    }

    @Test
    void aRevocationWarningIsRaisedOncePerFailingSet() {
        List<Object> history = new ArrayList<>(upToAppraisal());
        history.add(decided());
        WarnOfRevocation warn = new WarnOfRevocation(ID, "HALF_OR_MORE", 2, 3, List.of("1 A", "2 B"), List.of(),
                LocalDate.of(2025, 3, 1));
        RevocationWarning warning = new RevocationWarning(ID, hoangVan, path, RecognitionLevel.MODEL, SET,
                "HALF_OR_MORE", 2, 3, List.of("1 A", "2 B"), List.of(), LocalDate.of(2025, 3, 1),
                Actor.system("village-service/revocation-watch"));
        fixture.given(history).when(warn).expectEvents(warning);
        history.add(warning);
        fixture.given(history).when(warn).expectNoEvents();
        fixture.given(upToAppraisal()).when(warn).expectNoEvents();
    }

    @Test
    void aRevocationIsRecordedWithItsDecision() {
        List<Object> history = new ArrayList<>(upToAppraisal());
        history.add(decided());
        fixture.given(history)
                .when(new RevokeRecognition(ID, "45/QĐ-UBND", LocalDate.of(2025, 5, 1), "Chủ tịch UBND tỉnh",
                        "Không còn đạt tiêu chí", ADMIN))
                .expectEvents(new RecognitionRevoked(ID, hoangVan, path, RecognitionLevel.MODEL, "45/QĐ-UBND",
                        LocalDate.of(2025, 5, 1), "Chủ tịch UBND tỉnh", "Không còn đạt tiêu chí", ADMIN));
        fixture.given(history)
                .when(new RevokeRecognition(ID, "45/QĐ-UBND", LocalDate.of(2024, 10, 1), "Chủ tịch", null, ADMIN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("revoked-before-recognised"));
        fixture.given(upToAppraisal())
                .when(new RevokeRecognition(ID, "45/QĐ-UBND", LocalDate.of(2025, 5, 1), "Chủ tịch", null, ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("nothing-to-revoke"));
    }

    private RecordSurvey survey(UnitId village, int surveyed, int satisfied) {
        return new RecordSurvey(ID, LocalDate.of(2024, 10, 10), "Ban công tác Mặt trận thôn", true, null,
                List.of(new RecordSurvey.Village(village, surveyed, satisfied)), ADMIN);
    }

    private void refused(Object command, String rule) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(rule))
                .expectNoEvents();
    }

    /** Criteria statuses, other requests and plans' rewards, held in memory. */
    static final class Lookup implements ProgrammeLookup {
        final Map<UnitId, SetStanding> standings = new HashMap<>();
        final List<Reward> rewards = new ArrayList<>();
        boolean underWay;

        @Override
        public Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode) {
            return Optional.ofNullable(standings.get(unitId));
        }

        @Override
        public boolean recognitionUnderWayOrHeld(UnitId unitId, RecognitionLevel level) {
            return underWay;
        }

        @Override
        public List<Reward> rewards(List<UnitId> units, int year) {
            return rewards;
        }
    }
}
