package vn.ntm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.ServiceProcess;

/**
 * Optional ({@code -Dntm.bench.profile=true}): Java Flight Recorder profiles of each service, one during ingest and
 * latency ({@code <service>.jfr}) and one during queries and replay ({@code <service>-queries-replay.jfr}), started
 * with {@code jcmd <pid> JFR.start settings=profile}, for finding where a missed target goes.
 * Read one with {@code jfr print --events jdk.ExecutionSample <file>} or JDK Mission Control.
 */
final class Profiling {

    private final List<ServiceProcess> services;
    private final Path directory;
    private final String name;
    private final String during;

    private Profiling(List<ServiceProcess> services, Path directory, String name, String during) {
        this.services = services;
        this.directory = directory;
        this.name = name;
        this.during = during;
    }

    /** The recording during ingest and latency, in {@code <service>.jfr}. */
    static Profiling start(boolean enabled, Path directory, Platform platform) {
        return start(enabled, directory, platform, "bench", "ingest and latency");
    }

    /** A recording called {@code name} (files {@code <service>-<name>.jfr} unless it is "bench"). */
    static Profiling start(boolean enabled, Path directory, Platform platform, String name, String during) {
        if (!enabled) {
            return new Profiling(List.of(), directory, name, during);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ServiceProcess> services = List.of(platform.village(), platform.criteria(), platform.reporting());
        services.forEach(s -> Jcmd.run(s.pid(), "JFR.start", "name=" + name, "settings=profile"));
        return new Profiling(services, directory, name, during);
    }

    void stop(Results results) {
        for (ServiceProcess service : services) {
            Path file = directory.resolve(service.name() + ("bench".equals(name) ? "" : "-" + name) + ".jfr");
            if (Jcmd.run(service.pid(), "JFR.stop", "name=" + name, "filename=" + file)) {
                results.note("JFR profile of " + service.name() + " during " + during + ": " + file);
            }
        }
    }
}
