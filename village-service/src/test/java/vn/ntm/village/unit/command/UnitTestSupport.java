package vn.ntm.village.unit.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.ntm.village.unit.api.UnitId;
import vn.ntm.village.unit.api.UnitLevel;

/** Test doubles for the unit register, shared by the aggregate fixtures. */
public final class UnitTestSupport {

    /** The day fixture units exist from unless told otherwise. */
    public static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);

    private UnitTestSupport() {
    }

    /**
     * A fixture for {@code aggregate} whose clock stands still at {@code now} (UTC), with {@code resources} (the unit
     * register, a programme's standings …) injectable into its command handlers.
     */
    public static <T> AggregateTestFixture<T> fixture(Class<T> aggregate, String now, Object... resources) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregate);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        for (Object resource : resources) {
            fixture.registerInjectableResource(resource);
        }
        return fixture;
    }

    /** The register as the aggregates see it, held in memory: each unit has one version. */
    public static final class Units implements UnitLookup {
        private final Map<UnitId, Entry> entries = new LinkedHashMap<>();

        public void add(UnitId id, UnitLevel level, String name, UnitId parent) {
            add(id, level, name, parent, FOUNDED, null);
        }

        /** A unit in force from {@code from} until the day before {@code endedOn} (null: still). */
        public void add(UnitId id, UnitLevel level, String name, UnitId parent, LocalDate from, LocalDate endedOn) {
            entries.put(id, new Entry(id, level, name, parent, from, endedOn, null, null, List.of(), Instant.EPOCH,
                    null, null, from, endedOn, endedOn == null ? null : "DISSOLVED", List.of()));
        }

        @Override
        public Optional<Entry> find(UnitId id) {
            return Optional.ofNullable(entries.get(id));
        }

        @Override
        public Optional<Entry> findOn(UnitId id, LocalDate on) {
            return find(id).filter(e -> !on.isBefore(e.validFrom())
                    && (e.validTo() == null || on.isBefore(e.validTo())));
        }

        @Override
        public List<Entry> childrenOn(UnitId parentId, LocalDate on) {
            return entries.values().stream().filter(e -> Objects.equals(e.parentId(), parentId))
                    .filter(e -> findOn(e.id(), on).isPresent()).toList();
        }
    }
}
