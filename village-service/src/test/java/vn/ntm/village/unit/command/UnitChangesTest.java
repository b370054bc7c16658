package vn.ntm.village.unit.command;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.UnitRef;
import vn.ntm.support.rules.RuleViolation;
import vn.ntm.village.unit.api.ChangeUnitAttributes;
import vn.ntm.village.unit.api.DissolveUnit;
import vn.ntm.village.unit.api.MoveUnit;
import vn.ntm.village.unit.api.RenameUnit;
import vn.ntm.village.unit.api.UnitAttributesChanged;
import vn.ntm.village.unit.api.UnitEnded;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitMoved;
import vn.ntm.village.unit.api.UnitName;
import vn.ntm.village.unit.api.UnitRegistered;
import vn.ntm.village.unit.api.UnitRenamed;

/** Changes to one unit over time: each transition and each refusal. Mergers and splits: HierarchyIT. */
class UnitChangesTest {

    private static final Actor ADMIN = new Actor("admin@bacgiang", "provincial-admin", null);
    private static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);
    private static final String BASIS = "Nghị quyết 1658/NQ-UBTVQH15 ngày 16/6/2025";

    private final UnitTestSupport.Units units = new UnitTestSupport.Units();
    private final UnitId bacGiang = UnitId.random();
    private final UnitId tanYen = UnitId.random();
    private final UnitId songVan = UnitId.random();
    private final UnitId hoangVan = UnitId.random();
    private final UnitId bacNinh = UnitId.random();
    private final UnitId ngocThien = UnitId.random();
    private AggregateTestFixture<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = UnitTestSupport.fixture(Unit.class, "2026-11-29T02:00:00Z", units);
        units.add(bacGiang, UnitLevel.PROVINCE, "Bắc Giang", null, FOUNDED, MERGER);
        units.add(tanYen, UnitLevel.DISTRICT, "Tân Yên", bacGiang, FOUNDED, MERGER);
        units.add(songVan, UnitLevel.COMMUNE, "Song Vân", tanYen, FOUNDED, null);
        units.add(hoangVan, UnitLevel.VILLAGE, "Hoàng Vân", songVan, FOUNDED, null);
        units.add(bacNinh, UnitLevel.PROVINCE, "Bắc Ninh", null, MERGER, null);
        units.add(ngocThien, UnitLevel.COMMUNE, "Ngọc Thiện", bacNinh, MERGER, null);
    }

    private UnitRegistered songVanRegistered() {
        return new UnitRegistered(songVan, UnitLevel.COMMUNE, "Song Vân", tanYen, List.of(), FOUNDED, "TDMNPB", null,
                ADMIN, null, null);
    }

    private UnitRegistered hoangVanRegistered() {
        return new UnitRegistered(hoangVan, UnitLevel.VILLAGE, "Hoàng Vân", songVan, List.of(), FOUNDED, null, null,
                ADMIN, null, null);
    }

    @Test
    void renamesFromADateWithThePathOfThatDay() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        fixture.given(songVanRegistered())
                .when(new RenameUnit(songVan, new UnitName("Song  Vân Mới"), from, "Nghị quyết thử", ADMIN))
                .expectEvents(new UnitRenamed(songVan, "Song Vân Mới", "Song Vân",
                        List.of(ref(bacGiang, "PROVINCE", "Bắc Giang"), ref(tanYen, "DISTRICT", "Tân Yên"),
                                ref(songVan, "COMMUNE", "Song Vân Mới")), from, "Nghị quyết thử", ADMIN));
    }

    @Test
    void aVillageMovesToAnotherCommuneFromADate() {
        fixture.given(hoangVanRegistered())
                .when(new MoveUnit(hoangVan, ngocThien, MERGER, BASIS, ADMIN))
                .expectEvents(new UnitMoved(hoangVan, ngocThien, songVan,
                        List.of(ref(bacNinh, "PROVINCE", "Bắc Ninh"), ref(ngocThien, "COMMUNE", "Ngọc Thiện"),
                                ref(hoangVan, "VILLAGE", "Hoàng Vân")), MERGER, BASIS, ADMIN));
    }

    @Test
    void aCommuneGoesDirectlyUnderItsProvinceWhenDistrictsEnd() {
        fixture.given(songVanRegistered())
                .when(new MoveUnit(songVan, bacNinh, MERGER, BASIS, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnitMoved(songVan, bacNinh, tanYen,
                        List.of(ref(bacNinh, "PROVINCE", "Bắc Ninh"), ref(songVan, "COMMUNE", "Song Vân")),
                        MERGER, BASIS, ADMIN));
    }

    @Test
    void attributesChangeFromADate() {
        fixture.given(songVanRegistered())
                .when(new ChangeUnitAttributes(songVan, null, 2, "ESPECIALLY_DISADVANTAGED", LocalDate.of(2024, 1, 2),
                        "Quyết định thử", ADMIN))
                .expectEvents(new UnitAttributesChanged(songVan, null, 2, "ESPECIALLY_DISADVANTAGED",
                        List.of(ref(bacGiang, "PROVINCE", "Bắc Giang"), ref(tanYen, "DISTRICT", "Tân Yên"),
                                ref(songVan, "COMMUNE", "Song Vân")),
                        LocalDate.of(2024, 1, 2), "Quyết định thử", ADMIN));
    }

    @Test
    void aUnitWithoutUnitsCanBeDissolved() {
        fixture.given(hoangVanRegistered())
                .when(new DissolveUnit(hoangVan, LocalDate.of(2024, 1, 1), BASIS, ADMIN))
                .expectEvents(new UnitEnded(hoangVan, UnitEnded.EndReason.DISSOLVED, List.of(),
                        List.of(ref(bacGiang, "PROVINCE", "Bắc Giang"), ref(tanYen, "DISTRICT", "Tân Yên"),
                                ref(songVan, "COMMUNE", "Song Vân"), ref(hoangVan, "VILLAGE", "Hoàng Vân")),
                        LocalDate.of(2024, 1, 1), BASIS, ADMIN));
    }

    @Test
    void aUnitWithUnitsCannotBeDissolved() {
        refused(songVanRegistered(), new DissolveUnit(songVan, MERGER, BASIS, ADMIN), "unit-still-has-units");
    }

    @Test
    void anEndedUnitTakesNoMoreChanges() {
        fixture.given(hoangVanRegistered(), new UnitEnded(hoangVan, UnitEnded.EndReason.DISSOLVED, List.of(),
                        List.of(), LocalDate.of(2024, 1, 1), BASIS, ADMIN))
                .when(new RenameUnit(hoangVan, new UnitName("Hoàng Vân 2"), LocalDate.of(2024, 6, 1), BASIS, ADMIN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("unit-ended"))
                .expectNoEvents();
    }

    @Test
    void aChangeCannotOverlapTheLatestOne() {
        LocalDate renamed = LocalDate.of(2020, 1, 1);
        fixture.given(songVanRegistered(), new UnitRenamed(songVan, "Song Vân A", "Song Vân", List.of(), renamed,
                        BASIS, ADMIN))
                .when(new MoveUnit(songVan, bacNinh, renamed, BASIS, ADMIN))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("overlapping-period"))
                .expectNoEvents();
    }

    @Test
    void aChangeCannotTakeEffectOnTheDayTheUnitBegan() {
        refused(songVanRegistered(), new RenameUnit(songVan, new UnitName("Song Vân A"), FOUNDED, BASIS, ADMIN),
                "overlapping-period");
    }

    @Test
    void aChangeCannotTakeEffectInTheFuture() {
        refused(songVanRegistered(), new RenameUnit(songVan, new UnitName("Song Vân A"), LocalDate.of(2027, 1, 1),
                BASIS, ADMIN), "date-in-future");
    }

    @Test
    void aUnitCannotBePlacedUnderItsOwnVillage() {
        refused(songVanRegistered(), new MoveUnit(songVan, hoangVan, LocalDate.of(2020, 1, 1), BASIS, ADMIN),
                "cycle-in-tree");
    }

    @Test
    void aUnitCannotMoveUnderAParentThatDoesNotExistYet() {
        refused(songVanRegistered(), new MoveUnit(songVan, bacNinh, LocalDate.of(2025, 6, 30), BASIS, ADMIN),
                "before-parent-exists");
    }

    @Test
    void aUnitCannotMoveUnderAParentThatHasEnded() {
        UnitId other = UnitId.random();
        units.add(other, UnitLevel.DISTRICT, "Huyện đã kết thúc", bacGiang, FOUNDED, LocalDate.of(2010, 1, 1));
        refused(songVanRegistered(), new MoveUnit(songVan, other, LocalDate.of(2020, 1, 1), BASIS, ADMIN),
                "parent-ended");
    }

    @Test
    void aVillageCannotGoUnderAProvince() {
        refused(hoangVanRegistered(), new MoveUnit(hoangVan, bacNinh, MERGER, BASIS, ADMIN), "wrong-parent-level");
    }

    @Test
    void renamingToASiblingsNameIsRefused() {
        UnitId sibling = UnitId.random();
        units.add(sibling, UnitLevel.COMMUNE, "Ngọc Vân", tanYen);
        refused(songVanRegistered(), new RenameUnit(songVan, new UnitName("ngọc vân"), LocalDate.of(2020, 1, 1),
                BASIS, ADMIN), "name-taken");
    }

    @Test
    void movingNextToASiblingOfTheSameNameIsRefused() {
        UnitId namesake = UnitId.random();
        units.add(namesake, UnitLevel.VILLAGE, "Hoàng Vân", ngocThien, MERGER, null);
        refused(hoangVanRegistered(), new MoveUnit(hoangVan, ngocThien, MERGER, BASIS, ADMIN),
                "name-taken-under-new-parent");
    }

    @Test
    void onlyACommuneTakesAGroup() {
        refused(hoangVanRegistered(), new ChangeUnitAttributes(hoangVan, null, 1, null, MERGER, BASIS, ADMIN),
                "commune-attribute-on-other-level");
    }

    private void refused(UnitRegistered given, Object command, String rule) {
        fixture.given(given)
                .when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(rule))
                .expectNoEvents();
    }

    private static UnitRef ref(UnitId id, String level, String name) {
        return new UnitRef(id.value(), level, name);
    }
}
