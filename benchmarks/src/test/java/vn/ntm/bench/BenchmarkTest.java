package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    @Test
    void todayIsVietnamsDateWhateverTheClocksZone() {
        // 00:30 on 7 December in Hà Nội is still 6 December in UTC: a UTC "today" would name the results file a day
        // early and refuse the last day of an open-ended set as in the future
        Clock halfPastMidnightInVietnam = Clock.fixed(Instant.parse("2026-12-06T17:30:00Z"), ZoneOffset.UTC);

        assertThat(Benchmark.today(halfPastMidnightInVietnam)).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void theDayTurnsAtMidnightInVietnam() {
        Clock justBeforeMidnightInVietnam = Clock.fixed(Instant.parse("2026-12-06T16:59:59Z"), ZoneOffset.UTC);

        assertThat(Benchmark.today(justBeforeMidnightInVietnam)).isEqualTo(LocalDate.of(2026, 12, 6));
    }
}
