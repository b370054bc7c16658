package vn.ntm.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.ntm.bench.Results.Figure;
import vn.ntm.bench.Results.Verdict;

/**
 * (6) Memory of each service over the whole run: peak resident memory (VmHWM) as the figure, the heap beside it;
 * the target is a heap within 512 MB without an OutOfMemoryError.
 */
final class MemoryMeasure {

    private static final double HEAP_LIMIT_MB = 512.5;

    private final Results results;

    MemoryMeasure(Results results) {
        this.results = results;
    }

    /** Records a figure per service from what the probe saw ({@link MemoryProbe#finish()}). */
    void record(Map<String, MemoryProbe.Seen> seen) {
        Map<String, Object> details = new LinkedHashMap<>();
        seen.forEach((name, s) -> {
            results.add(figure(name, s));
            details.put(name, s);
        });
        results.details().put("memory", details);
    }

    static Figure figure(String service, MemoryProbe.Seen s) {
        double maxMb = megabytes(s.heapMaxBytes());
        String live = s.liveHeapAfterGcBytes() == null ? "unknown"
                : Results.number(megabytes(s.liveHeapAfterGcBytes())) + " MB";
        boolean within = !s.outOfMemory() && s.heapMaxBytes() > 0 && maxMb <= HEAP_LIMIT_MB;
        return new Figure("6", "memory: " + service, s.peakRssKb() / 1024.0, "MB peak RSS",
                Results.number(s.peakRssKb() / 1024.0) + " MB peak RSS (VmHWM); heap: peak used "
                        + Results.number(megabytes(s.peakHeapUsedBytes())) + " MB, live after full GC " + live
                        + ", max " + Results.number(maxMb) + " MB", null, null, "heap within 512 MB",
                within ? Verdict.MET : Verdict.MISSED, s.outOfMemory() ? "OutOfMemoryError in the service's log" : null);
    }

    private static double megabytes(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
