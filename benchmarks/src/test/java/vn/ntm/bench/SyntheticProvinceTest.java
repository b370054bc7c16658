package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyntheticProvinceTest {

    private final SyntheticProvince province = new SyntheticProvince(100, 15, 20);

    @Test
    void hasTheShapeOfAProvince() {
        assertThat(province.communes()).hasSize(100);
        assertThat(province.villages()).hasSize(1_500);
        assertThat(province.growthA()).hasSize(20);
        assertThat(province.growthB()).hasSize(20);
        assertThat(province.registrationOrder()).hasSize(1 + 11 + 140 + 1_500);
    }

    @Test
    void everyNameSaysItIsSynthetic() {
        assertThat(province.registrationOrder()).allSatisfy(unit -> assertThat(unit.name()).contains("thử nghiệm"));
        assertThat(province.communes().get(0).name()).isEqualTo("Xã thử nghiệm 001");
        assertThat(province.villages().get(0).name()).isEqualTo("Thôn thử nghiệm 001-01");
    }

    @Test
    void parentsAreRegisteredBeforeTheirChildrenAndIdsAreStable() {
        Set<UUID> registered = new HashSet<>();
        for (SyntheticProvince.Unit unit : province.registrationOrder()) {
            if (unit.parentId() != null) {
                assertThat(registered).as(unit.name()).contains(unit.parentId());
            }
            assertThat(registered.add(unit.id())).as("unique id of " + unit.name()).isTrue();
        }
        List<SyntheticProvince.Unit> again = new SyntheticProvince(100, 15, 20).registrationOrder();
        assertThat(again).isEqualTo(province.registrationOrder());
    }
}
