package vn.ntm.criteria.unit.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownUnitTest {

    /** The special-status dimension: such communes use the TDMNPB thresholds whatever their region. */
    @ParameterizedTest(name = "region {0}, special status {1} → thresholds of {2}")
    @CsvSource(nullValues = "-", textBlock = """
            DBSH,   -,                          DBSH
            DBSH,   ESPECIALLY_DISADVANTAGED,   TDMNPB
            DBSCL,  SAFE_ZONE_IN_POOR_DISTRICT, TDMNPB
            TDMNPB, -,                          TDMNPB
            """)
    void aSpecialStatusCommuneUsesTheMidlandsThresholds(String region, String specialStatus, String expected) {
        KnownUnits.KnownUnit unit = new KnownUnits.KnownUnit("u", "COMMUNE", "Xã kiểm thử", region, null,
                specialStatus, List.of(), null);
        assertThat(unit.thresholdRegion()).isEqualTo(expected);
    }
}
