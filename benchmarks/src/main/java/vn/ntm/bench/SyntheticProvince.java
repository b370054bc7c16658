package vn.ntm.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A synthetic province in the shape of a real one: a province (tỉnh), districts (huyện) of ten communes (xã), each
 * commune with its villages (thôn). Every name says it is synthetic ("Xã thử nghiệm 001": test commune 001), so no
 * benchmark figure can be mistaken for a real place. Ids are derived from the names: the same sizes always give the
 * same province.
 *
 * <p>Beside the province's own communes there are two groups of growth communes (A and B), under a district of
 * their own, which take the two halves of the growth test on fresh assessments of equal size.
 */
public final class SyntheticProvince {

    /** Northern Midlands and Mountains: a region with thresholds in the shipped commune set. */
    public static final String REGION = "TDMNPB";
    public static final LocalDate VALID_FROM = LocalDate.of(2020, 1, 1);
    private static final int COMMUNES_PER_DISTRICT = 10;

    /** One administrative unit to register in village-service. */
    public record Unit(UUID id, String level, String name, UUID parentId, String region) {
    }

    private final Unit province;
    private final List<Unit> districts = new ArrayList<>();
    private final List<Unit> communes = new ArrayList<>();
    private final List<Unit> villages = new ArrayList<>();
    private final List<Unit> growthA = new ArrayList<>();
    private final List<Unit> growthB = new ArrayList<>();

    public SyntheticProvince(int communeCount, int villagesPerCommune, int growthCommunes) {
        province = unit("PROVINCE", "Tỉnh thử nghiệm", null, REGION);
        for (int c = 0; c < communeCount; c++) {
            if (c % COMMUNES_PER_DISTRICT == 0) {
                districts.add(unit("DISTRICT", "Huyện thử nghiệm %02d".formatted(districts.size() + 1),
                        province.id(), null));
            }
            Unit commune = unit("COMMUNE", "Xã thử nghiệm %03d".formatted(c + 1),
                    districts.get(districts.size() - 1).id(), null);
            communes.add(commune);
            for (int v = 0; v < villagesPerCommune; v++) {
                villages.add(unit("VILLAGE", "Thôn thử nghiệm %03d-%02d".formatted(c + 1, v + 1), commune.id(), null));
            }
        }
        Unit growthDistrict = unit("DISTRICT", "Huyện thử nghiệm tăng trưởng", province.id(), null);
        districts.add(growthDistrict);
        for (int g = 0; g < growthCommunes; g++) {
            growthA.add(unit("COMMUNE", "Xã thử nghiệm tăng trưởng A%02d".formatted(g + 1), growthDistrict.id(), null));
            growthB.add(unit("COMMUNE", "Xã thử nghiệm tăng trưởng B%02d".formatted(g + 1), growthDistrict.id(), null));
        }
    }

    private static Unit unit(String level, String name, UUID parent, String region) {
        UUID id = UUID.nameUUIDFromBytes(("ntm-benchmark:" + name).getBytes(StandardCharsets.UTF_8));
        return new Unit(id, level, name, parent, region);
    }

    /** Parents before children: the order in which village-service accepts them. */
    public List<Unit> registrationOrder() {
        List<Unit> all = new ArrayList<>();
        all.add(province);
        all.addAll(districts);
        all.addAll(communes);
        all.addAll(growthA);
        all.addAll(growthB);
        all.addAll(villages);
        return all;
    }

    public Unit province() {
        return province;
    }

    public List<Unit> communes() {
        return List.copyOf(communes);
    }

    public List<Unit> villages() {
        return List.copyOf(villages);
    }

    public List<Unit> growthA() {
        return List.copyOf(growthA);
    }

    public List<Unit> growthB() {
        return List.copyOf(growthB);
    }

    /** Every commune that is assessed. */
    public List<Unit> assessedCommunes() {
        List<Unit> all = new ArrayList<>(communes);
        all.addAll(growthA);
        all.addAll(growthB);
        return all;
    }

    /** Days between two dates, inclusive of the first. */
    static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
}
