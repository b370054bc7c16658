package vn.ntm.village.programme.command;

import static org.hamcrest.Matchers.containsString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.programme.api.AdoptPlan;
import vn.ntm.village.programme.api.CompleteTask;
import vn.ntm.village.programme.api.MarkDeadlineMissed;
import vn.ntm.village.programme.api.PlanAdopted;
import vn.ntm.village.programme.api.PlanDeadlineMissed;
import vn.ntm.village.programme.api.PlanId;
import vn.ntm.village.programme.api.PlanParts;
import vn.ntm.village.programme.api.PlanTaskCompleted;
import vn.ntm.village.programme.api.RecognitionLevel;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.command.UnitTestSupport;

/** Plan 30/KH-UBND of Song Vân (5/3/2024) as a fixture: every transition and refusal of a plan. */
class PlanTest {

    static final Actor OFFICER = new Actor("can-bo@songvan", "commune-officer", null);
    static final PlanId PLAN_30 = PlanId.IDS.random();
    static final LocalDate PLAN_DATE = LocalDate.of(2024, 3, 5);
    static final LocalDate VILLAGE_PLANS_DUE = LocalDate.of(2024, 4, 5);

    final UnitTestSupport.Units units = new UnitTestSupport.Units();
    final UnitId bacGiang = UnitId.random();
    final UnitId songVan = UnitId.random();
    final UnitId hoangVan = UnitId.random();
    final UnitId elsewhere = UnitId.random();
    AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = UnitTestSupport.fixture(Plan.class, "2026-11-29T02:00:00Z", units);
        units.add(bacGiang, UnitLevel.PROVINCE, "Bắc Giang", null);
        units.add(songVan, UnitLevel.COMMUNE, "Song Vân", bacGiang);
        units.add(hoangVan, UnitLevel.VILLAGE, "Hoàng Vân", songVan);
        units.add(elsewhere, UnitLevel.COMMUNE, "Xã khác", bacGiang);
    }

    PlanParts.Task villagePlans() {
        return new PlanParts.Task("village-plans", "Các thôn xây dựng kế hoạch năm 2024", VILLAGE_PLANS_DUE,
                "Ban phát triển các thôn", List.of());
    }

    AdoptPlan adopt(List<PlanParts.Task> tasks, List<PlanParts.RoadmapItem> roadmap) {
        return new AdoptPlan(PLAN_30, songVan, "30/KH-UBND", "Kế hoạch NTM 2024", PLAN_DATE, "Chủ tịch UBND xã",
                2024, List.of(new PlanParts.Target("income", "VN-XA-NTMNC-2021-2025", "10.1", null,
                        "Thu nhập bình quân đầu người", ">=", new BigDecimal("54"), "triệu đồng/người/năm",
                        LocalDate.of(2024, 12, 31))), roadmap, tasks, List.of(),
                List.of(new PlanParts.RewardRule("model-village", RecognitionLevel.MODEL, "VILLAGE",
                        new BigDecimal("10000000"), "Kinh phí sự nghiệp nông nghiệp huyện năm 2024", null)),
                OFFICER);
    }

    PlanAdopted adopted() {
        AdoptPlan c = adopt(List.of(villagePlans()), List.of());
        return new PlanAdopted(c.planId(), songVan, List.of(new UnitRef(bacGiang.value(), "PROVINCE", "Bắc Giang"),
                new UnitRef(songVan.value(), "COMMUNE", "Song Vân")), c.number(), c.title(), c.adoptedOn(), c.signer(),
                c.year(), c.targets(), c.roadmap(), c.tasks(), c.assignments(), c.rewards(), OFFICER);
    }

    @Test
    void adoptsAPlanWithThePathOfItsDate() {
        fixture.givenNoPriorActivity().when(adopt(List.of(villagePlans()), List.of())).expectEvents(adopted());
    }

    @Test
    void aDeadlineBeforeThePlanIsRefused() {
        refused(adopt(List.of(new PlanParts.Task("early", "Sớm hơn kế hoạch", PLAN_DATE.minusDays(1), null,
                List.of())), List.of()), "deadline-before-plan");
    }

    @Test
    void aRoadmapUnitMustBelongToThePlansUnit() {
        refused(adopt(List.of(), List.of(new PlanParts.RoadmapItem("km", elsewhere, "Xã khác", RecognitionLevel.MODEL,
                null, LocalDate.of(2024, 12, 31), null))), "plan-unit-outside");
    }

    @Test
    void repeatedTaskIdsAreRefused() {
        refused(adopt(List.of(villagePlans(), villagePlans()), List.of()), "plan-item-repeated");
    }

    @Test
    void aPlanForAUnitThatDidNotExistIsRefused() {
        AdoptPlan c = adopt(List.of(), List.of());
        refused(new AdoptPlan(c.planId(), UnitId.random(), c.number(), c.title(), c.adoptedOn(), c.signer(), c.year(),
                c.targets(), c.roadmap(), c.tasks(), c.assignments(), c.rewards(), OFFICER), "plan-unit-not-in-force");
    }

    @Test
    void aTaskIsDoneOnce() {
        LocalDate done = LocalDate.of(2024, 4, 2);
        fixture.given(adopted())
                .when(new CompleteTask(PLAN_30, "village-plans", done, "Đã trình", OFFICER))
                .expectEvents(new PlanTaskCompleted(PLAN_30, songVan, adopted().path(), "village-plans", done,
                        VILLAGE_PLANS_DUE, "Đã trình", OFFICER));
        fixture.given(adopted(), new PlanTaskCompleted(PLAN_30, songVan, List.of(), "village-plans", done,
                        VILLAGE_PLANS_DUE, null, OFFICER))
                .when(new CompleteTask(PLAN_30, "village-plans", done, null, OFFICER))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("task-already-done"));
    }

    @Test
    void aTaskStillOpenTheDayAfterItsDeadlineIsMissedOnce() {
        fixture.given(adopted())
                .when(new MarkDeadlineMissed(PLAN_30, "village-plans", VILLAGE_PLANS_DUE))
                .expectNoEvents();
        fixture.given(adopted())
                .when(new MarkDeadlineMissed(PLAN_30, "village-plans", VILLAGE_PLANS_DUE.plusDays(1)))
                .expectEvents(new PlanDeadlineMissed(PLAN_30, songVan, adopted().path(), "village-plans",
                        "Các thôn xây dựng kế hoạch năm 2024", VILLAGE_PLANS_DUE, "Ban phát triển các thôn",
                        VILLAGE_PLANS_DUE.plusDays(1), Actor.system("village-service/deadline-watch")));
        fixture.given(adopted(), missed())
                .when(new MarkDeadlineMissed(PLAN_30, "village-plans", VILLAGE_PLANS_DUE.plusDays(30)))
                .expectNoEvents();
    }

    @Test
    void aMissedTaskCanStillBeDoneLate() {
        LocalDate late = LocalDate.of(2024, 5, 1);
        fixture.given(adopted(), missed())
                .when(new CompleteTask(PLAN_30, "village-plans", late, null, OFFICER))
                .expectEvents(new PlanTaskCompleted(PLAN_30, songVan, adopted().path(), "village-plans", late,
                        VILLAGE_PLANS_DUE, null, OFFICER));
    }

    @Test
    void aDoneTaskIsNeverMissed() {
        fixture.given(adopted(), new PlanTaskCompleted(PLAN_30, songVan, List.of(), "village-plans",
                        LocalDate.of(2024, 4, 1), VILLAGE_PLANS_DUE, null, OFFICER))
                .when(new MarkDeadlineMissed(PLAN_30, "village-plans", LocalDate.of(2024, 6, 1)))
                .expectNoEvents();
    }

    @Test
    void completionBeforeThePlanIsRefused() {
        fixture.given(adopted())
                .when(new CompleteTask(PLAN_30, "village-plans", PLAN_DATE.minusDays(1), null, OFFICER))
                .expectException(RuleViolation.class).expectExceptionMessage(containsString("task-done-before-plan"));
    }

    private PlanDeadlineMissed missed() {
        return new PlanDeadlineMissed(PLAN_30, songVan, List.of(), "village-plans", "", VILLAGE_PLANS_DUE, null,
                VILLAGE_PLANS_DUE.plusDays(1), OFFICER);
    }

    private void refused(Object command, String rule) {
        fixture.givenNoPriorActivity().when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(rule))
                .expectNoEvents();
    }
}
