package vn.ntm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;

/**
 * Memory of each service through the run: peak resident memory (the kernel's high-water mark, {@code VmHWM} in
 * {@code /proc/<pid>/status}) and heap in use, sampled every two seconds from the service's own metrics.
 */
final class MemoryProbe implements AutoCloseable {

    /** One service to watch. */
    record Service(String name, LongSupplier pid, String baseUrl, Path logFile) {
    }

    /** What was seen of one service. */
    record Seen(long peakRssKb, long peakHeapUsedBytes, long heapMaxBytes, Long liveHeapAfterGcBytes,
                boolean outOfMemory) {
    }

    private final List<Service> services;
    private final Http http;
    private final Map<String, Long> peakHeap = new ConcurrentHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "memory-probe");
        t.setDaemon(true);
        return t;
    });

    MemoryProbe(List<Service> services, Http http) {
        this.services = List.copyOf(services);
        this.http = http;
        sampler.scheduleWithFixedDelay(this::sample, 0, 2, TimeUnit.SECONDS);
    }

    private void sample() {
        for (Service service : services) {
            try {
                peakRss.merge(service.name(), vmHwmKb(service.pid().getAsLong()), Math::max);
                peakHeap.merge(service.name(), heap(service, "jvm.memory.used"), Math::max);
            } catch (RuntimeException e) {
                // a service being restarted or under load may not answer this once: the next sample will
            }
        }
    }

    /** Runs a full GC in each service (jcmd GC.run) and reads what stays: the live heap. */
    Map<String, Seen> finish() {
        sample();
        sampler.shutdownNow();
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (Service service : services) {
            Long live = null;
            long max = -1;
            try {
                max = heap(service, "jvm.memory.max");
                if (Jcmd.run(service.pid().getAsLong(), "GC.run")) {
                    live = heap(service, "jvm.memory.used");
                }
            } catch (RuntimeException e) {
                // reported as unknown
            }
            seen.put(service.name(), new Seen(peakRss.getOrDefault(service.name(), -1L),
                    peakHeap.getOrDefault(service.name(), -1L), max, live, outOfMemory(service.logFile())));
        }
        return seen;
    }

    static long vmHwmKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmHWM:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", "")))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private long heap(Service service, String metric) {
        JsonNode json = http.get(service.baseUrl() + "/actuator/metrics/" + metric + "?tag=area:heap").require(200)
                .json();
        return (long) json.path("measurements").get(0).path("value").asDouble();
    }

    private static boolean outOfMemory(Path log) {
        try {
            return Files.exists(log) && Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
