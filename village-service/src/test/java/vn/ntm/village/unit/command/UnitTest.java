package vn.ntm.village.unit.command;

import static org.hamcrest.Matchers.containsString;

import java.time.LocalDate;
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
import vn.ntm.village.unit.api.RegisterUnit;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;
import vn.ntm.village.unit.api.UnitName;
import vn.ntm.village.unit.api.UnitRegistered;

class UnitTest {

    private static final Actor ADMIN = new Actor("admin@bacgiang", "provincial-admin", null);
    private static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);

    private final UnitTestSupport.Units units = new UnitTestSupport.Units();
    private final UnitId province = UnitId.random();
    private final UnitId district = UnitId.random();
    private final UnitId commune = UnitId.random();
    private AggregateTestFixture<Unit> fixture;

    @BeforeEach
    void setUp() {
        fixture = UnitTestSupport.fixture(Unit.class, "2024-03-05T02:00:00Z", units);
        units.add(province, UnitLevel.PROVINCE, "Bắc Giang", null);
        units.add(district, UnitLevel.DISTRICT, "Tân Yên", province);
        units.add(commune, UnitLevel.COMMUNE, "Song Vân", district);
    }

    @Test
    void registersAProvinceWithoutParent() {
        UnitId id = UnitId.random();
        fixture.givenNoPriorActivity()
                .when(register(id, UnitLevel.PROVINCE, "Bắc Ninh", null))
                .expectEvents(new UnitRegistered(id, UnitLevel.PROVINCE, "Bắc Ninh", null,
                        List.of(new UnitRef(id.value(), "PROVINCE", "Bắc Ninh")), FOUNDED, null, null, ADMIN, null, null));
    }

    @Test
    void registersAVillageWithThePathFromItsProvince() {
        UnitId id = UnitId.random();
        fixture.givenNoPriorActivity()
                .when(register(id, UnitLevel.VILLAGE, "Hoàng Vân", commune))
                .expectEvents(new UnitRegistered(id, UnitLevel.VILLAGE, "Hoàng Vân", commune,
                        List.of(new UnitRef(province.value(), "PROVINCE", "Bắc Giang"),
                                new UnitRef(district.value(), "DISTRICT", "Tân Yên"),
                                new UnitRef(commune.value(), "COMMUNE", "Song Vân"),
                                new UnitRef(id.value(), "VILLAGE", "Hoàng Vân")),
                        FOUNDED, null, null, ADMIN, null, null));
    }

    @Test
    void cannotRegisterAVillageDirectlyUnderADistrict() {
        refused(register(UnitId.random(), UnitLevel.VILLAGE, "Tân Lập", district), "wrong-parent-level");
    }

    @Test
    void cannotRegisterUnderAnUnknownParent() {
        refused(register(UnitId.random(), UnitLevel.VILLAGE, "Tân Lập", UnitId.random()), "unknown-parent");
    }

    @Test
    void cannotRegisterACommuneWithoutParent() {
        refused(register(UnitId.random(), UnitLevel.COMMUNE, "Ngọc Châu", null), "parent-required");
    }

    @Test
    void cannotGiveAProvinceAParent() {
        refused(register(UnitId.random(), UnitLevel.PROVINCE, "Bắc Ninh", province), "province-has-no-parent");
    }

    @Test
    void cannotReuseANameUnderTheSameParent() {
        refused(register(UnitId.random(), UnitLevel.COMMUNE, "song vân", district), "name-taken");
    }

    @Test
    void cannotRegisterTheSameIdTwice() {
        refused(register(commune, UnitLevel.COMMUNE, "Ngọc Vân", district), "unit-already-registered");
    }

    @Test
    void cannotRegisterAUnitThatStartsInTheFuture() {
        refused(new RegisterUnit(UnitId.random(), UnitLevel.VILLAGE, new UnitName("Bùi"), commune,
                LocalDate.of(2024, 3, 6), null, null, null, null, ADMIN), "date-in-future");
    }

    @Test
    void cannotStartBeforeItsParentExists() {
        refused(new RegisterUnit(UnitId.random(), UnitLevel.VILLAGE, new UnitName("Bùi"), commune,
                FOUNDED.minusDays(1), null, null, null, null, ADMIN), "before-parent-exists");
    }

    @Test
    void aCommuneGroupIsOneToThree() {
        refused(new RegisterUnit(UnitId.random(), UnitLevel.COMMUNE, new UnitName("Ngọc Vân"), district,
                FOUNDED, null, null, 4, null, ADMIN), "commune-group-out-of-range");
    }

    @Test
    void onlyACommuneHasAGroupOrSpecialStatus() {
        refused(new RegisterUnit(UnitId.random(), UnitLevel.VILLAGE, new UnitName("Bùi"), commune,
                FOUNDED, null, null, null, "ESPECIALLY_DISADVANTAGED", ADMIN), "commune-attribute-on-other-level");
    }

    private void refused(RegisterUnit command, String rule) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString(rule))
                .expectNoEvents();
    }

    private static RegisterUnit register(UnitId id, UnitLevel level, String name, UnitId parent) {
        return new RegisterUnit(id, level, new UnitName(name), parent, FOUNDED, null, null, null, null, ADMIN);
    }
}
