package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's watch over its services, on real child processes ({@link ServiceProcess} over {@link FlakyMain},
 * packed into a jar here): a process that dies unasked is reported in one line (name, port, exit code, log file) and
 * started again; one that keeps dying is given up on after the budget; a stop or kill asked for is no death.
 */
class ServiceWatchIT {

    private static final Duration READY = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final List<String> said = new CopyOnWriteArrayList<>();
    private ServiceProcess service;
    private ServiceWatch watch;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (service != null) {
            service.stop();
        }
    }

    /** Catches a launcher that stays silent when a service dies, or leaves its port closed. */
    @Test
    void aServiceThatDiesIsReportedAndStartedAgain() throws IOException {
        service = flaky(1, 3);
        watch(3);
        long firstPid = service.pid();

        await().atMost(READY).until(() -> said.stream().anyMatch(line -> line.contains("is back at")));
        assertThat(said.get(0)).contains("flaky (port " + service.port() + ", pid " + firstPid + ")")
                .contains("died with exit code 3").contains("its log: " + service.logFile())
                .contains("Starting it again (restart 1 of 3");
        assertThat(service.isAlive()).isTrue();
        assertThat(service.pid()).isNotEqualTo(firstPid);
        assertThat(Files.readString(dir.resolve("runs")).strip()).isEqualTo("2");
        service.awaitReady(READY);
    }

    /** Catches a launcher that restarts a service that keeps dying forever (or never says it gave up). */
    @Test
    void aServiceThatKeepsDyingIsGivenUpOnAfterTheBudget() {
        service = flaky(Integer.MAX_VALUE, 7);
        watch(2);

        await().atMost(READY).until(() -> said.stream().anyMatch(line -> line.contains("gave up")));
        List<String> deaths = said.stream().filter(line -> line.contains(" died with exit code 7")).toList();
        assertThat(deaths).hasSize(3);
        assertThat(deaths.get(1)).contains("restart 2 of 2");
        assertThat(deaths.get(2)).contains("died 3 times within 10 minutes").contains("gave up");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !service.isAlive() && Files.readString(dir.resolve("runs")).strip().equals("3"));
    }

    /** Catches a watch that takes the fault tests' kills, or the platform's own stop, for deaths to undo. */
    @Test
    void aKillAskedForIsNoDeath() {
        service = flaky(0, 0);
        watch(3);

        service.kill();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> said.isEmpty() && !service.isAlive());
    }

    private void watch(int maxRestarts) {
        watch = new ServiceWatch(maxRestarts, Duration.ofMinutes(10), READY, said::add, Clock.systemUTC());
        watch.watch(service);
    }

    /** Started and ready; its first {@code dyingRuns} runs exit with {@code exitCode} a second after starting. */
    private ServiceProcess flaky(int dyingRuns, int exitCode) {
        ServiceProcess flaky = new ServiceProcess("flaky", jar(), freePort(), Map.of(
                "FLAKY_RUNS", dir.resolve("runs").toString(),
                "FLAKY_DYING_RUNS", String.valueOf(dyingRuns),
                "FLAKY_EXIT_CODE", String.valueOf(exitCode),
                "FLAKY_LIVES_MS", "1000"), dir);
        flaky.start();
        flaky.awaitReady(READY);
        return flaky;
    }

    private Path jar() {
        Path jar = dir.resolve("flaky.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FlakyMain.class.getName());
        String entry = FlakyMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream compiled = FlakyMain.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            compiled.transferTo(out);
            out.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
