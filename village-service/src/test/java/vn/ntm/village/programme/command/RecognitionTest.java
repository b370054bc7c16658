package vn.ntm.village.programme.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.DecideRecognition;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
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
import vn.ntm.village.unit.command.UnitTestSupport;

/** Hoàng Vân's way to model-village recognition as a fixture: every step, refusal, reward and revocation. */
class RecognitionTest {

    static final Actor OFFICER = new Actor("can-bo@songvan", "commune-officer", null);
    static final Actor ADMIN = new Actor("quan-tri@bacgiang", "provincial-admin", null);
    static final String SET = "TEST-THON-KM";
    static final RecognitionId ID = RecognitionId.IDS.random();
    static final PlanId PLAN_30 = PlanId.IDS.random();

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
        fixture = UnitTestSupport.fixture(Recognition.class, "2026-11-29T02:00:00Z", units, programme);
        units.add(bacGiang, UnitLevel.PROVINCE, "Bắc Giang", null);
        units.add(songVan, UnitLevel.COMMUNE, "Song Vân", bacGiang);
        units.add(hoangVan, UnitLevel.VILLAGE, "Hoàng Vân", songVan);
        units.add(tanLap, UnitLevel.VILLAGE, "Tân Lập", songVan);
        path = units.pathOn(hoangVan, LocalDate.of(2024, 10, 1));
        programme.stands("MET", 3, 3, List.of(), LocalDate.of(2024, 9, 30), null);
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
        programme.stands("NOT_MET", 2, 3, List.of(new ProgrammeLookup.Criterion("3", "Nhà văn hóa")),
                LocalDate.of(2024, 9, 30), null);
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
        programme.rewards.add(new ProgrammeLookup.Reward(PLAN_30, "30/KH-UBND", new PlanParts.RewardRule(
                "model-village", RecognitionLevel.MODEL, "VILLAGE", new BigDecimal("10000000"),
                "Kinh phí sự nghiệp nông nghiệp huyện năm 2024", null)));
        programme.rewards.add(new ProgrammeLookup.Reward(PLAN_30, "30/KH-UBND", new PlanParts.RewardRule(
                "standard-commune", RecognitionLevel.STANDARD, "COMMUNE", new BigDecimal("5"), null, null)));
        fixture.given(upToAppraisal())
                .when(new DecideRecognition(ID, "123/QĐ-UBND", LocalDate.of(2024, 11, 1),
                        "Chủ tịch UBND huyện Tân Yên", ADMIN))
                .expectEvents(decided(), new RewardGranted(ID, hoangVan, path, PLAN_30, "30/KH-UBND",
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
        programme.stands("NOT_MET", 2, 3, List.of(new ProgrammeLookup.Criterion("2", "Nhà ở")),
                LocalDate.of(2024, 10, 25), null);
        fixture.given(upToAppraisal())
                .when(new DecideRecognition(ID, "123/QĐ-UBND", LocalDate.of(2024, 11, 1), "Chủ tịch", ADMIN))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("criteria-not-met"))
                .expectNoEvents();
    }

    /** Catches gating by the latest status heard: the set lapsed after the request's date, not on it. */
    @Test
    void aRequestIsJudgedOnTheStatusOfItsDateThoughTheSetLapsedLater() {
        programme.stands("NOT_MET", 2, 3, List.of(new ProgrammeLookup.Criterion("2", "Nhà ở")),
                LocalDate.of(2024, 10, 15), null);
        fixture.givenNoPriorActivity().when(request(true)).expectEvents(requested());
    }

    /**
     * Catches gating by the latest status heard: met since a later date, not on the request's date (refused as not
     * met; and with nothing known of that date, as unknown).
     */
    @Test
    void aRequestIsRefusedWhenItsDateIsNotMetThoughLaterDatesAre() {
        programme.standings.clear();
        programme.stands("NOT_MET", 2, 3, List.of(new ProgrammeLookup.Criterion("3", "Nhà văn hóa")),
                LocalDate.of(2024, 9, 1), LocalDate.of(2024, 10, 15));
        programme.stands("MET", 3, 3, List.of(), LocalDate.of(2024, 10, 15), null);
        refused(request(true), "criteria-not-met");
        programme.standings.clear();
        programme.stands("MET", 3, 3, List.of(), LocalDate.of(2024, 10, 15), null);
        refused(request(true), "criteria-status-unknown");
    }

    /**
     * Catches a decision gated by the request's status or by the latest one: the set lapsed after the decision's
     * date (decided), and a back-dated stretch makes it unmet on that date although it is met again today (refused).
     */
    @Test
    void aDecisionIsJudgedOnTheStatusOfTheDecisionDate() {
        programme.stands("NOT_MET", 2, 3, List.of(new ProgrammeLookup.Criterion("2", "Nhà ở")),
                LocalDate.of(2024, 12, 1), null);
        DecideRecognition decide = new DecideRecognition(ID, "123/QĐ-UBND", LocalDate.of(2024, 11, 1),
                "Chủ tịch UBND huyện Tân Yên", ADMIN);
        fixture.given(upToAppraisal()).when(decide).expectEvents(decided());

        programme.stands("MET", 3, 3, List.of(), LocalDate.of(2024, 12, 1), null);
        programme.stands("NOT_MET", 2, 3, List.of(new ProgrammeLookup.Criterion("2", "Nhà ở")),
                LocalDate.of(2024, 10, 28), LocalDate.of(2024, 11, 5));
        fixture.given(upToAppraisal()).when(decide)
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

    /**
     * Catches a watch that dedupes by the failing criteria alone (a back-dated stretch judged again would warn twice
     * for a date) or that warns outside the dates the recognition is in force.
     */
    @Test
    void aRevocationWarningIsRaisedOncePerTriggerAndDateWhileTheRecognitionIsInForce() {
        List<Object> history = new ArrayList<>(upToAppraisal());
        history.add(decided());
        RevocationWarning warning = warning("HALF_OR_MORE", LocalDate.of(2025, 3, 1));
        fixture.given(history).when(warn("HALF_OR_MORE", LocalDate.of(2025, 3, 1))).expectEvents(warning);
        fixture.given(upToAppraisal()).when(warn("HALF_OR_MORE", LocalDate.of(2025, 3, 1))).expectNoEvents();
        history.add(warning);
        fixture.given(history).when(warn("HALF_OR_MORE", LocalDate.of(2025, 3, 1))).expectNoEvents();
        fixture.given(history).when(warn("HALF_OR_MORE", LocalDate.of(2025, 2, 1)))
                .expectEvents(warning("HALF_OR_MORE", LocalDate.of(2025, 2, 1)));
        fixture.given(history).when(warn("KEY_CRITERION_30_PERCENT", LocalDate.of(2025, 3, 1)))
                .expectEvents(warning("KEY_CRITERION_30_PERCENT", LocalDate.of(2025, 3, 1)));
        // before the decision
        fixture.given(history).when(warn("HALF_OR_MORE", LocalDate.of(2024, 10, 31))).expectNoEvents();

        history.add(new RecognitionRevoked(ID, hoangVan, path, RecognitionLevel.MODEL, "45/QĐ-UBND",
                LocalDate.of(2025, 5, 1), "Chủ tịch UBND tỉnh", null, ADMIN));
        // from the revocation on it is no longer in force; a back-dated lapse while it was still warns
        fixture.given(history).when(warn("HALF_OR_MORE", LocalDate.of(2025, 5, 1))).expectNoEvents();
        fixture.given(history).when(warn("HALF_OR_MORE", LocalDate.of(2025, 4, 30)))
                .expectEvents(warning("HALF_OR_MORE", LocalDate.of(2025, 4, 30)));
    }

    private WarnOfRevocation warn(String trigger, LocalDate on) {
        return new WarnOfRevocation(ID, trigger, 2, 3, List.of("1 A", "2 B"), List.of(), on);
    }

    private RevocationWarning warning(String trigger, LocalDate on) {
        return new RevocationWarning(ID, hoangVan, path, RecognitionLevel.MODEL, SET, trigger, 2, 3,
                List.of("1 A", "2 B"), List.of(), on, Actor.system("village-service/revocation-watch"));
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

    /** Criteria statuses (one unit's timeline against the set), other requests and plans' rewards, in memory. */
    static final class Lookup implements ProgrammeLookup {
        final List<SetStanding> standings = new ArrayList<>();
        final List<Reward> rewards = new ArrayList<>();
        boolean underWay;

        /** From {@code from} until {@code until} (null: open-ended) the set stands so, over what held before. */
        void stands(String status, int met, int total, List<Criterion> notMet, LocalDate from, LocalDate until) {
            standings.removeIf(s -> !s.validFrom().isBefore(from) && (until == null
                    || s.validFrom().isBefore(until)));
            standings.add(new SetStanding(status, met, total, notMet, List.of(), from, until, 1));
        }

        @Override
        public Optional<SetStanding> standing(UnitId unitId, String criteriaSetCode, LocalDate on) {
            return standings.stream().filter(s -> !s.validFrom().isAfter(on)
                            && (s.validUntil() == null || on.isBefore(s.validUntil())))
                    .max(java.util.Comparator.comparing(SetStanding::validFrom));
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
