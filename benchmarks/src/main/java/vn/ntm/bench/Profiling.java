package vn.ntm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.ServiceProcess;

/**
 * Optional ({@code -Dntm.bench.profile=true}): a Java Flight Recorder profile of each service during ingest and
 * latency (started with {@code jcmd <pid> JFR.start settings=profile}), for finding where a missed target goes.
 * Read one with {@code jfr print --events jdk.ExecutionSample <file>} or JDK Mission Control.
 */
final class Profiling {

    private final List<ServiceProcess> services;
    private final Path directory;

    private Profiling(List<ServiceProcess> services, Path directory) {
        this.services = services;
        this.directory = directory;
    }

    static Profiling start(boolean enabled, Path directory, Platform platform) {
        if (!enabled) {
            return new Profiling(List.of(), directory);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ServiceProcess> services = List.of(platform.village(), platform.criteria(), platform.reporting());
        services.forEach(s -> Jcmd.run(s.pid(), "JFR.start", "name=bench", "settings=profile"));
        return new Profiling(services, directory);
    }

    void stop(Results results) {
        for (ServiceProcess service : services) {
            Path file = directory.resolve(service.name() + ".jfr");
            if (Jcmd.run(service.pid(), "JFR.stop", "name=bench", "filename=" + file)) {
                results.note("JFR profile of " + service.name() + " during ingest and latency: " + file);
            }
        }
    }
}
