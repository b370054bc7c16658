package vn.ntm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one process), run as a child JVM from
 * the {@code kafka_2.13} jars on this JVM's class path. Its data directory survives {@link #stop()} and
 * {@link #restart()}, so topics and records are kept.
 */
public final class KafkaBroker {

    /** Ready in about 5 s on an idle machine; CI shares two cores with builds that load it far beyond that. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    public KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = this.dataDir.resolveSibling("kafka.log");
    }

    /** Starts the broker, formatting the data directory first if it is new, and waits until it serves clients. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Path serverProperties = writeConfiguration();
        if (!Files.exists(dataDir.resolve("meta.properties"))) {
            format(serverProperties);
        }
        process = launch("kafka.Kafka", serverProperties.toString());
        awaitReady();
    }

    /** Graceful shutdown (SIGTERM), so the broker closes its logs cleanly; forced if it takes too long. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitForExit(STOP_TIMEOUT)) {
            kill();
        }
        process = null;
    }

    /** SIGKILL, as in a crash: the next start has to recover its logs. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(STOP_TIMEOUT);
        process = null;
    }

    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    private Path writeConfiguration() {
        Path serverProperties = dataDir.resolve("server.properties");
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                // A static voter set needs no --standalone/--initial-controllers when formatting.
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir,
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // topics a client creates on the fly get as many partitions as the platform's own (TopicPartitions)
                "num.partitions=" + TopicPartitions.PARTITIONS,
                "auto.create.topics.enable=true",
                "group.initial.rebalance.delay.ms=0",
                // The platform's topics are its history: never delete records by age.
                "log.retention.ms=-1",
                "");
        String log4j = String.join("\n",
                "appender.console.type=Console",
                "appender.console.name=STDOUT",
                "appender.console.layout.type=PatternLayout",
                "appender.console.layout.pattern=[%d] %p %m (%c)%n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.apache.name=org.apache.kafka",
                "logger.apache.level=WARN",
                "logger.stateChange.name=state.change.logger",
                "logger.stateChange.level=WARN",
                "");
        try {
            Files.createDirectories(dataDir);
            Files.writeString(serverProperties, config);
            Files.writeString(log4jConfiguration(), log4j);
            return serverProperties;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kafka configuration in " + dataDir, e);
        }
    }

    private Path log4jConfiguration() {
        return dataDir.resolve("log4j2.properties");
    }

    private void format(Path serverProperties) {
        Process formatter = launch("kafka.tools.StorageTool",
                "format", "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString());
        try {
            if (!formatter.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                formatter.destroyForcibly();
                throw failure("Formatting Kafka storage timed out");
            }
            if (formatter.exitValue() != 0) {
                throw failure("Formatting Kafka storage failed with exit code " + formatter.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            formatter.destroyForcibly();
            throw new IllegalStateException("Interrupted while formatting Kafka storage", e);
        }
    }

    private Process launch(String mainClass, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Java.executable(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + log4jConfiguration(),
                // A test class path may also hold Logback and log4j-to-slf4j; pin both logging bridges to
                // log4j-core, or log4j-slf4j2-impl refuses to start next to log4j-to-slf4j.
                "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider",
                "-Dlog4j.provider=org.apache.logging.log4j.core.impl.Log4jProvider",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(arguments));
        try {
            return new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LogFiles.prepare(logFile).toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + mainClass, e);
        }
    }

    /** The port opens before the broker has joined its own quorum, so readiness is a cluster call answering. */
    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!portAcceptsConnections()) {
            pauseOrFail(deadline);
        }
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(adminConfig)) {
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    pauseOrFail(deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka", e);
                }
            }
        }
    }

    private boolean portAcceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits one poll interval on the process itself, so a broker that dies is reported at once. */
    private void pauseOrFail(Instant deadline) {
        if (waitForExit(POLL_INTERVAL)) {
            throw failure("Kafka exited with code " + process.exitValue() + " while starting");
        }
        if (Instant.now().isAfter(deadline)) {
            process.destroyForcibly();
            throw failure("Kafka did not become ready on " + bootstrapServers() + " within " + START_TIMEOUT);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + ". Last lines of " + logFile + ":\n" + LogFiles.tail(logFile, 40));
    }
}
