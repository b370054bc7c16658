package vn.ntm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.ntm.bench.Results.Figure;
import vn.ntm.bench.Results.Verdict;

class MemoryMeasureTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aHeapOf512MegabytesMeetsTheTargetAndTheFigureIsPeakResidentMemory() {
        Figure figure = MemoryMeasure.figure("criteria-service",
                new MemoryProbe.Seen(800 * 1024, 382 * MB, 512 * MB, 200 * MB, false));

        assertThat(figure.section()).isEqualTo("6");
        assertThat(figure.measure()).isEqualTo("memory: criteria-service");
        assertThat(figure.value()).isEqualTo(800.0);
        assertThat(figure.shown()).isEqualTo("800 MB peak RSS (VmHWM); heap: peak used 382 MB, live after full GC "
                + "200 MB, max 512 MB");
        assertThat(figure.verdict()).isEqualTo(Verdict.MET);
        assertThat(figure.note()).isNull();
    }

    @Test
    void aLargerHeapMissesTheTarget() {
        Figure figure = MemoryMeasure.figure("village-service",
                new MemoryProbe.Seen(700 * 1024, 100 * MB, 1024 * MB, null, false));

        assertThat(figure.verdict()).isEqualTo(Verdict.MISSED);
        assertThat(figure.shown()).contains("live after full GC unknown", "max 1,024 MB");
    }

    @Test
    void anOutOfMemoryErrorMissesTheTargetWhateverTheHeap() {
        Figure figure = MemoryMeasure.figure("reporting-service",
                new MemoryProbe.Seen(400 * 1024, 500 * MB, 512 * MB, 100 * MB, true));

        assertThat(figure.verdict()).isEqualTo(Verdict.MISSED);
        assertThat(figure.note()).isEqualTo("OutOfMemoryError in the service's log");
    }

    @Test
    void anUnknownHeapMaximumMissesTheTarget() {
        assertThat(MemoryMeasure.figure("reporting-service", new MemoryProbe.Seen(400 * 1024, 0, 0, null, false))
                .verdict()).isEqualTo(Verdict.MISSED);
    }
}
