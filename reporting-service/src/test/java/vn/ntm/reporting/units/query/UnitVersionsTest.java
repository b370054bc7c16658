package vn.ntm.reporting.units.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.ntm.reporting.units.query.UnitVersions.Fact;
import vn.ntm.reporting.units.query.UnitVersions.Version;

/** The effective-dated versions a unit's facts describe. */
class UnitVersionsTest {

    private static final UUID SONG_VAN = UUID.randomUUID();
    private static final UUID NGOC_THIEN = UUID.randomUUID();
    private static final LocalDate FOUNDED = LocalDate.of(1997, 1, 1);
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    @Test
    void aRegisteredUnitHasOneOpenEndedVersion() {
        List<Version> versions = UnitVersions.versions(List.of(registered("Hoàng Vân", SONG_VAN)));
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).validFrom()).isEqualTo(FOUNDED);
        assertThat(versions.get(0).validTo()).isNull();
    }

    @Test
    void aMoveStartsANewVersionOnItsDate() {
        List<Version> versions = UnitVersions.versions(List.of(registered("Hoàng Vân", SONG_VAN),
                fact("MOVED", null, NGOC_THIEN, MERGER)));
        assertThat(versions).extracting(v -> v.state().parentId()).containsExactly(SONG_VAN, NGOC_THIEN);
        assertThat(versions.get(0).validTo()).isEqualTo(MERGER);
        assertThat(versions.get(1).validFrom()).isEqualTo(MERGER);
    }

    @Test
    void anEndedUnitHasNoVersionFromItsEndOn() {
        List<Version> versions = UnitVersions.versions(List.of(registered("Song Vân", null),
                fact("RENAMED", "Song Vân (cũ)", null, LocalDate.of(2026, 1, 1)), fact("ENDED", null, null, MERGER)));
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).validTo()).isEqualTo(MERGER);
        assertThat(versions.get(0).state().name()).as("a change after the end is no version").isEqualTo("Song Vân");
    }

    @Test
    void aLaterRecordedFactForTheSameDateCorrectsTheEarlierOne() {
        LocalDate renamed = LocalDate.of(2020, 1, 1);
        List<Version> versions = UnitVersions.versions(List.of(registered("Song Van", null),
                fact("RENAMED", "Song Vạn", null, renamed), fact("RENAMED", "Song Vân", null, renamed)));
        assertThat(versions).extracting(v -> v.state().name()).containsExactly("Song Van", "Song Vân");
    }

    @Test
    void aRenameBackToTheSameNameMakesNoNewVersion() {
        List<Version> versions = UnitVersions.versions(List.of(registered("Tân Lập", null),
                fact("RENAMED", "Tân Lập", null, LocalDate.of(2020, 1, 1))));
        assertThat(versions).hasSize(1);
    }

    @Test
    void factsWithoutARegistrationDescribeNoVersion() {
        assertThat(UnitVersions.versions(List.of(fact("RENAMED", "X", null, MERGER)))).isEmpty();
    }

    private static Fact registered(String name, UUID parent) {
        return new Fact("REGISTERED", "VILLAGE", name, parent, null, null, null, null, List.of(), FOUNDED, null);
    }

    private static Fact fact(String kind, String name, UUID parent, LocalDate from) {
        return new Fact(kind, null, name, parent, null, null, null, null, List.of(), from, null);
    }
}
