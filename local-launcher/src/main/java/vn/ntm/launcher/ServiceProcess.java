package vn.ntm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring Boot service run as a child JVM from its executable jar. It can be started again after
 * {@link #stop()} or {@link #kill()}; its log file is appended to, never truncated. An exit nobody asked for (a crash,
 * a kill from outside) is told to the {@link DeathListener} given to {@link #onUnexpectedExit}; {@link #stop()} and
 * {@link #kill()} are asked for, and told to no one.
 */
public final class ServiceProcess {

    /** Hears of a process of this service that ended without {@link #stop()} or {@link #kill()}. */
    @FunctionalInterface
    public interface DeathListener {
        void died(ServiceProcess service, long pid, int exitCode);
    }

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    /** Set by stop and kill until the next start: the exit that follows was asked for. */
    private boolean exitExpected;
    private volatile DeathListener deathListener;

    /**
     * @param environment variables for the service on top of this JVM's own ({@code NTM_DB_URL}, {@code NTM_KAFKA}
     *                    and so on); {@code SERVER_PORT} is set from {@code port}
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logDir.resolve(name + ".log");
    }

    /** The executable jar Maven builds for a service: {@code <ntmHome>/<name>/target/<name>-*-exec.jar}. */
    public static Path findJar(Path ntmHome, String name) {
        Path target = ntmHome.resolve(name).resolve("target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, name + "-*-exec.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot look for the jar of " + name + " in " + target, e);
            }
        }
        throw new IllegalStateException("No executable jar for " + name + " in " + target
                + ". Build the services first: ./mvnw -DskipTests package (from " + ntmHome + ")");
    }

    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(Java.executable(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Ddisable-axoniq-console-message=true",
                "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LogFiles.prepare(logFile).toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + " from " + jar, e);
        }
        exitExpected = false;
        Process started = process;
        started.onExit().thenAccept(this::exited);
    }

    /** Tells {@code listener} of every exit nobody asked for from now on; null to stop telling. */
    public void onUnexpectedExit(DeathListener listener) {
        deathListener = listener;
    }

    /**
     * Starts the service again after the process {@code deadPid} ended unasked, unless it has been stopped, killed or
     * started since.
     *
     * @return whether a new process was started
     */
    public synchronized boolean restartAfterDeath(long deadPid) {
        if (exitExpected || process == null || process.pid() != deadPid || process.isAlive()) {
            return false;
        }
        start();
        return true;
    }

    private void exited(Process ended) {
        DeathListener listener = deathListener;
        synchronized (this) {
            if (exitExpected || ended != process || listener == null) {
                return;
            }
        }
        listener.died(this, ended.pid(), ended.exitValue());
    }

    /** Waits until the readiness probe says UP: the service then has its database and Kafka binders. */
    public void awaitReady(Duration timeout) {
        Process running = requireStarted();
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (!isUp(probe)) {
            if (waitForExit(running, POLL_INTERVAL)) {
                throw failure(name + " exited with code " + running.exitValue() + " while starting");
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure(name + " was not ready at " + baseUrl() + " within " + timeout);
            }
        }
    }

    /** SIGTERM, so Spring shuts down gracefully; forced after 30 s. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        exitExpected = true;
        process.destroy();
        if (!waitForExit(process, STOP_TIMEOUT)) {
            process.destroyForcibly();
            waitForExit(process, STOP_TIMEOUT);
        }
    }

    /** SIGKILL, as in a crash: no shutdown hooks, no graceful close. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        exitExpected = true;
        process.destroyForcibly();
        waitForExit(process, STOP_TIMEOUT);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    public synchronized long pid() {
        return requireStarted().pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    private boolean isUp(HttpRequest probe) {
        try {
            HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
            JsonNode readiness = JSON.readTree(response.body());
            // the event store and its topics hold different histories: waiting longer cannot help
            storesAndTopicsDisagree(readiness).ifPresent(reasons -> {
                throw failure(name + " says its event store and the Kafka topics do not belong together: " + reasons
                        + " See docs/operations.md, \"Resetting the local run\".");
            });
            return response.statusCode() == 200 && "UP".equals(readiness.path("status").asString());
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        } catch (JacksonException e) {
            return false; // a body that is not JSON, e.g. an error page during start-up
        }
    }

    /** The reasons a readiness answer gives for its {@code storeTopics} component being DOWN; empty when it is not. */
    static Optional<String> storesAndTopicsDisagree(JsonNode readiness) {
        JsonNode storeTopics = readiness.path("components").path("storeTopics");
        if (!"DOWN".equals(storeTopics.path("status").asString())) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        storeTopics.path("details").forEach(topic -> reasons.add(topic.path("reason").asString()));
        return Optional.of(String.join(" ", reasons));
    }

    private synchronized Process requireStarted() {
        if (process == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return process;
    }

    private boolean waitForExit(Process child, Duration timeout) {
        try {
            return child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + ". Last lines of " + logFile + ":\n" + LogFiles.tail(logFile, 40));
    }
}
