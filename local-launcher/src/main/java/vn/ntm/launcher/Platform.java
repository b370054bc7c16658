package vn.ntm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import vn.ntm.identity.DemoIdentityServer;
import vn.ntm.identity.TokenIssuer;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker and the three services, each service in its own
 * database. {@link #close()} stops everything it started, services first so they never outlive their broker.
 */
public final class Platform implements AutoCloseable {

    /** Two cores shared by three Spring Boot + Axon services: each may take well over a minute to be ready. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> SERVICES = List.of("village", "criteria", "reporting");

    /**
     * Where everything lives and listens.
     *
     * @param ntmHome        the project checkout, where the service jars are built
     * @param workDir        Kafka data, embedded PostgreSQL data and all logs
     * @param databasePrefix the services' databases are {@code <prefix>_village}, {@code <prefix>_criteria}, ...
     * @param extraEnv       environment variables given to every service, overriding the platform's own
     * @param identityPort   the demo identity provider's port (0: a free one)
     */
    public record Settings(Path ntmHome, Path workDir, int kafkaPort, int kafkaControllerPort, int villagePort,
                           int criteriaPort, int reportingPort, String databasePrefix, Map<String, String> extraEnv,
                           int identityPort) {

        public Settings {
            ntmHome = ntmHome.toAbsolutePath().normalize();
            workDir = workDir.toAbsolutePath().normalize();
            extraEnv = Map.copyOf(extraEnv);
        }

        /** Settings whose demo identity provider takes a free port. */
        public Settings(Path ntmHome, Path workDir, int kafkaPort, int kafkaControllerPort, int villagePort,
                        int criteriaPort, int reportingPort, String databasePrefix, Map<String, String> extraEnv) {
            this(ntmHome, workDir, kafkaPort, kafkaControllerPort, villagePort, criteriaPort, reportingPort,
                    databasePrefix, extraEnv, 0);
        }

        /** The fixed, well-known ports and the persistent {@code .ntm} directory of a developer's machine. */
        public static Settings local(Path ntmHome) {
            return new Settings(ntmHome, ntmHome.resolve(".ntm"), 9092, 9093, 8081, 8082, 8083, "ntm", Map.of(),
                    8090);
        }

        /** Free ports and fresh databases and directories, so runs never see each other's data. */
        public static Settings forTests(Path ntmHome, String prefix) {
            String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            Path workDir = ntmHome.resolve("end-to-end-tests").resolve("target").resolve("platform-" + prefix + "-" + run);
            return new Settings(ntmHome, workDir, freePort(), freePort(), freePort(), freePort(), freePort(),
                    prefix + "_" + run, Map.of());
        }

        public Settings withExtraEnv(Map<String, String> env) {
            return new Settings(ntmHome, workDir, kafkaPort, kafkaControllerPort, villagePort, criteriaPort,
                    reportingPort, databasePrefix, env, identityPort);
        }

        public String database(String service) {
            return databasePrefix + "_" + service;
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("No free port", e);
            }
        }
    }

    private final Settings settings;
    private final Postgres postgres;
    private DemoIdentityServer identity;
    private KafkaBroker kafka;
    private ServiceProcess village;
    private ServiceProcess criteria;
    private ServiceProcess reporting;
    private boolean closed;

    private Platform(Settings settings, Postgres postgres) {
        this.settings = settings;
        this.postgres = postgres;
    }

    /** Starts everything and returns once every service is ready; on failure, stops whatever had started. */
    public static Platform start(Settings settings) {
        return start(settings, () -> Postgres.localOrEmbedded(settings.workDir().resolve("pgdata")));
    }

    /**
     * Like {@link #start(Settings)} on the PostgreSQL server the caller chooses (say {@link Postgres#isolated}, which a
     * fault test may restart); the platform owns it from then on and stops it on {@link #close()}.
     */
    public static Platform start(Settings settings, java.util.function.Supplier<Postgres> postgresServer) {
        // Missing jars are the most likely mistake: report them before spending time on Kafka and PostgreSQL.
        Path villageJar = ServiceProcess.findJar(settings.ntmHome(), "village-service");
        Path criteriaJar = ServiceProcess.findJar(settings.ntmHome(), "criteria-service");
        Path reportingJar = ServiceProcess.findJar(settings.ntmHome(), "reporting-service");

        Platform platform = new Platform(settings, postgresServer.get());
        try {
            for (String service : SERVICES) {
                platform.postgres.ensureDatabase(settings.database(service));
            }
            platform.identity = DemoIdentityServer.start(settings.identityPort(), TokenIssuer.DEFAULT_AUDIENCE,
                    DemoUsers.load());
            platform.kafka = new KafkaBroker(settings.workDir().resolve("kafka"),
                    settings.kafkaPort(), settings.kafkaControllerPort());
            platform.kafka.start();
            platform.village = platform.service("village", villageJar, settings.villagePort());
            platform.criteria = platform.service("criteria", criteriaJar, settings.criteriaPort());
            platform.reporting = platform.service("reporting", reportingJar, settings.reportingPort());
            // All three start at once; waiting on them one after the other still lets them boot in parallel.
            for (ServiceProcess service : platform.services()) {
                service.start();
            }
            for (ServiceProcess service : platform.services()) {
                service.awaitReady(READY_TIMEOUT);
            }
            return platform;
        } catch (RuntimeException | Error e) {
            // Errors too (a broken class path surfaces as one): a half-started platform must not outlive its JVM.
            try {
                platform.close();
            } catch (RuntimeException cleanupFailure) {
                e.addSuppressed(cleanupFailure);
            }
            throw e;
        }
    }

    private ServiceProcess service(String shortName, Path jar, int port) {
        String database = settings.database(shortName);
        Map<String, String> environment = new HashMap<>();
        environment.put("NTM_DB_URL", postgres.jdbcUrl(database));
        environment.put("NTM_DB_USER", postgres.user());
        environment.put("NTM_DB_PASSWORD", postgres.password());
        environment.put("NTM_KAFKA", kafka.bootstrapServers());
        // the services trust the demo identity provider's tokens; the dashboard offers its users to sign in
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", identity.url());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", identity.jwkSetUri());
        environment.put("NTM_DASHBOARD_DEMO_ISSUER_URL", identity.url());
        // Last, so a test can override even the wiring (say, point a service at a Kafka that is not there).
        environment.putAll(settings.extraEnv());
        return new ServiceProcess(shortName + "-service", jar, port, environment, settings.workDir());
    }

    public Settings settings() {
        return settings;
    }

    /** The demo identity provider: tokens for the demo users of {@code demo/users.json}. */
    public DemoIdentityServer identity() {
        return identity;
    }

    /** A client's view of the platform: a token for a demo user by name. */
    public String token(String username) {
        return identity.token(username);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    public ServiceProcess village() {
        return village;
    }

    public ServiceProcess criteria() {
        return criteria;
    }

    public ServiceProcess reporting() {
        return reporting;
    }

    /** Base URLs by the short service names the demo steps use: village, criteria, reporting. */
    public Map<String, String> baseUrls() {
        return Map.of("village", village.baseUrl(), "criteria", criteria.baseUrl(), "reporting", reporting.baseUrl());
    }

    private List<ServiceProcess> services() {
        return Stream.of(village, criteria, reporting).filter(Objects::nonNull).toList();
    }

    /** For tests: closes, then drops the services' databases, which a local PostgreSQL would otherwise keep. */
    public synchronized void closeAndDropDatabases() {
        close();
        if (!postgres.isEmbedded()) {
            SERVICES.forEach(service -> postgres.dropDatabase(settings.database(service)));
        }
    }

    /** Services, then Kafka, then an embedded PostgreSQL; keeps going if one of them fails to stop. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Runnable> steps = new ArrayList<>();
        services().forEach(service -> steps.add(service::stop));
        if (kafka != null) {
            steps.add(kafka::stop);
        }
        steps.add(postgres::close);
        if (identity != null) {
            steps.add(identity::close);
        }
        RuntimeException failure = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
