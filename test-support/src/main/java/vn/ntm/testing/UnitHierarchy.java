package vn.ntm.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ntm.contracts.Actor;
import vn.ntm.contracts.Envelope;
import vn.ntm.contracts.IntegrationPayload;
import vn.ntm.contracts.UnitEnded;
import vn.ntm.contracts.UnitRef;
import vn.ntm.contracts.UnitRegistered;
import vn.ntm.testing.AccessMatrix.Scope;

/**
 * The units an access test asks about, one of each {@link Scope}: a province (tỉnh) with a district (huyện) holding
 * "Xã cũ" (with its village "Thôn cũ") and its neighbour "Xã bên", all since {@code founded}; "Xã mới" with its
 * village (thôn) "Thôn một" from {@link #MERGED_ON}, the day "Xã cũ" merged into it; and another province.
 * village-service registers it through its API ({@link #registeredThrough}); a service that learns units from
 * village-service's events gets them as announcements ({@link #withFreshIds}, {@link #announcements}), which leave
 * "Thôn cũ" out: only village-service's tests ask about it.
 */
public record UnitHierarchy(String province, String district, String mergedCommune, String neighbour,
                            String commune, String village, String otherProvince, String mergedVillage) {

    public static final LocalDate MERGED_ON = LocalDate.of(2025, 7, 1);

    /** The {@link AccessMatrix.Fixture} scopes: whose unit each scope names. */
    public Map<Scope, String> scopes() {
        return Map.of(Scope.OWN, commune, Scope.CHILD, village, Scope.PARENT, district,
                Scope.OTHER_COMMUNE, neighbour, Scope.OTHER_PROVINCE, otherProvince,
                Scope.ACROSS_MERGER, commune, Scope.PREDECESSOR, mergedCommune, Scope.PROVINCE, province);
    }

    /** Registers the hierarchy through village-service's API and merges "Xã cũ" into "Xã mới". */
    public static UnitHierarchy registeredThrough(JsonHttp operator, LocalDate founded, String legalBasis) {
        String suffix = suffix();
        String since = founded.toString();
        String merged = MERGED_ON.toString();
        String province = register(operator, Map.of("level", "PROVINCE", "name", "Tỉnh thử " + suffix,
                "validFrom", since));
        String district = register(operator, Map.of("level", "DISTRICT", "name", "Huyện thử", "parentId", province,
                "validFrom", since));
        String mergedCommune = register(operator, Map.of("level", "COMMUNE", "name", "Xã cũ", "parentId", district,
                "validFrom", since));
        String mergedVillage = register(operator, Map.of("level", "VILLAGE", "name", "Thôn cũ", "parentId",
                mergedCommune, "validFrom", since));
        String neighbour = register(operator, Map.of("level", "COMMUNE", "name", "Xã bên", "parentId", district,
                "validFrom", since));
        String commune = register(operator, Map.of("level", "COMMUNE", "name", "Xã mới", "parentId", district,
                "validFrom", merged, "legalBasis", legalBasis));
        String village = register(operator, Map.of("level", "VILLAGE", "name", "Thôn một", "parentId", commune,
                "validFrom", merged));
        String otherProvince = register(operator, Map.of("level", "PROVINCE", "name", "Tỉnh khác " + suffix,
                "validFrom", since));
        JsonHttp.Response merger = operator.post("/api/mergers", Map.of("sourceIds", List.of(mergedCommune),
                "successorId", commune, "validFrom", merged, "legalBasis", legalBasis));
        if (merger.status() != 200) {
            throw new AssertionError("merger refused: " + merger);
        }
        return new UnitHierarchy(province, district, mergedCommune, neighbour, commune, village, otherProvince,
                mergedVillage);
    }

    /** The hierarchy with new ids, not yet known to any service. */
    public static UnitHierarchy withFreshIds() {
        return new UnitHierarchy(id(), id(), id(), id(), id(), id(), id(), id());
    }

    /**
     * The hierarchy as village-service announces it on {@code ntm.units}, in order: each unit registered under its
     * parent (the provinces in region TDMNPB), then "Xã cũ" ended by its merger into "Xã mới".
     */
    public List<Envelope<?>> announcements(Actor by, LocalDate founded, String legalBasis) {
        String suffix = suffix();
        UnitRef p = new UnitRef(province, "PROVINCE", "Tỉnh thử " + suffix);
        UnitRef q = new UnitRef(otherProvince, "PROVINCE", "Tỉnh khác " + suffix);
        UnitRef d = new UnitRef(district, "DISTRICT", "Huyện thử");
        UnitRef old = new UnitRef(mergedCommune, "COMMUNE", "Xã cũ");
        UnitRef next = new UnitRef(neighbour, "COMMUNE", "Xã bên");
        UnitRef successor = new UnitRef(commune, "COMMUNE", "Xã mới");
        UnitRef v = new UnitRef(village, "VILLAGE", "Thôn một");
        List<Envelope<?>> events = new ArrayList<>();
        events.add(registered(by, List.of(p), null, founded, "TDMNPB"));
        events.add(registered(by, List.of(p, d), province, founded, null));
        events.add(registered(by, List.of(q), null, founded, "TDMNPB"));
        events.add(registered(by, List.of(p, d, old), district, founded, null));
        events.add(registered(by, List.of(p, d, next), district, founded, null));
        events.add(registered(by, List.of(p, d, successor), district, MERGED_ON, null));
        events.add(registered(by, List.of(p, d, successor, v), commune, MERGED_ON, null));
        events.add(envelope(by, List.of(p, d, old), MERGED_ON,
                new UnitEnded("MERGED", List.of(commune), MERGED_ON, legalBasis)));
        return events;
    }

    private static Envelope<?> registered(Actor by, List<UnitRef> path, String parent, LocalDate validFrom,
                                          String region) {
        UnitRef self = path.get(path.size() - 1);
        return envelope(by, path, validFrom, new UnitRegistered(self.level(), self.name(), parent, validFrom, region,
                null, null, null));
    }

    private static Envelope<?> envelope(Actor by, List<UnitRef> path, LocalDate validOn, IntegrationPayload payload) {
        return Envelope.of(UUID.randomUUID(), validOn, Instant.now(), by, path.get(path.size() - 1).id(), path,
                payload);
    }

    private static String register(JsonHttp operator, Map<String, String> body) {
        JsonHttp.Response response = operator.post("/api/units", body);
        if (response.status() != 201) {
            throw new AssertionError("unit not registered: " + response);
        }
        return response.json().path("id").asString();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }
}
