package vn.ntm.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker, the identity provider and the three services, each
 * service in its own database, all trusting the provider's tokens. {@link #close()} stops everything it started,
 * services first so they never outlive their broker.
 */
public final class Platform implements AutoCloseable {

    /** Two cores shared by three Spring Boot + Axon services: each may take well over a minute to be ready. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> SERVICES = List.of("village", "criteria", "reporting");
    /** The portal's client at the identity provider, which the launcher signs people in through. */
    public static final String PORTAL_CLIENT_ID = "ntm-portal";
    public static final String PORTAL_CLIENT_SECRET = "ntm-portal-secret";

    private final PlatformSettings settings;
    private final Postgres postgres;
    private ServiceProcess identity;
    private Tokens tokens;
    private KafkaBroker kafka;
    private ServiceProcess village;
    private ServiceProcess criteria;
    private ServiceProcess reporting;
    private ServiceProcess portal;
    private boolean closed;

    private Platform(PlatformSettings settings, Postgres postgres) {
        this.settings = settings;
        this.postgres = postgres;
    }

    /** Starts everything and returns once every service is ready; on failure, stops whatever had started. */
    public static Platform start(PlatformSettings settings) {
        return start(settings, () -> Postgres.localOrEmbedded(settings.workDir().resolve("pgdata")));
    }

    /**
     * Like {@link #start(PlatformSettings)} on the PostgreSQL server the caller chooses (say {@link Postgres#isolated}, which a
     * fault test may restart); the platform owns it from then on and stops it on {@link #close()}.
     */
    public static Platform start(PlatformSettings settings, java.util.function.Supplier<Postgres> postgresServer) {
        // Missing jars are the most likely mistake: report them before spending time on Kafka and PostgreSQL.
        Path villageJar = ServiceProcess.findJar(settings.ntmHome(), "village-service");
        Path criteriaJar = ServiceProcess.findJar(settings.ntmHome(), "criteria-service");
        Path reportingJar = ServiceProcess.findJar(settings.ntmHome(), "reporting-service");
        Path identityJar = ServiceProcess.findJar(settings.ntmHome(), "identity-provider");
        Path portalJar = ServiceProcess.findJar(settings.ntmHome(), "web-portal");

        Platform platform = new Platform(settings, postgresServer.get());
        try {
            for (String service : SERVICES) {
                platform.postgres.ensureDatabase(settings.database(service));
            }
            // First, so it boots while Kafka starts: everyone else trusts its tokens.
            platform.identity = identityProvider(settings, identityJar);
            platform.tokens = new Tokens(signIn(settings));
            platform.identity.start();
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
            platform.identity.awaitReady(READY_TIMEOUT);
            // The portal reads the provider's discovery document when it starts: after the provider is ready.
            platform.portal = platform.portal(portalJar);
            platform.portal.start();
            for (ServiceProcess service : platform.services()) {
                service.awaitReady(READY_TIMEOUT);
            }
            platform.portal.awaitReady(READY_TIMEOUT);
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

    /**
     * The OpenID Connect provider: the demo users sign in on its login page, the launcher and scripts use the
     * {@value DemoUsers#OPERATOR_CLIENT} client. Its signing key lives in the work directory, so a restarted local run
     * still accepts the tokens of the one before.
     */
    static ServiceProcess identityProvider(PlatformSettings settings, Path jar) {
        Map<String, String> environment = new HashMap<>();
        environment.put("NTM_IDENTITY_ISSUER", settings.identityUrl());
        environment.put("NTM_PORTAL_URL", settings.portalUrl());
        environment.put("NTM_IDENTITY_KEY_FILE", settings.workDir().resolve("identity").resolve("signing-key.json")
                .toString());
        environment.put("NTM_IDENTITY_SHOW_DEMO_ACCOUNTS", "true");
        // set, not inherited: a secret in the developer's shell would otherwise lock the launcher out
        environment.put("NTM_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
        environment.put("NTM_CLI_CLIENT_SECRET", DemoUsers.client(DemoUsers.OPERATOR_CLIENT).secret());
        return new ServiceProcess("identity-provider", jar, settings.identityPort(), environment, settings.workDir());
    }

    /** Signs in on the provider of these settings through the portal's client. */
    static SignIn signIn(PlatformSettings settings) {
        return new SignIn(settings.identityUrl(), PORTAL_CLIENT_ID, PORTAL_CLIENT_SECRET, settings.portalUrl());
    }

    /**
     * The one address for people: signs them in through the provider (the {@value #PORTAL_CLIENT_ID} client) and
     * relays their requests to the services with their token.
     */
    private ServiceProcess portal(Path jar) {
        Map<String, String> environment = new HashMap<>();
        environment.put("NTM_IDENTITY_ISSUER", settings.identityUrl());
        environment.put("NTM_PORTAL_CLIENT_ID", PORTAL_CLIENT_ID);
        environment.put("NTM_PORTAL_CLIENT_SECRET", PORTAL_CLIENT_SECRET);
        environment.put("NTM_PORTAL_VILLAGE_URL", village.baseUrl());
        environment.put("NTM_PORTAL_CRITERIA_URL", criteria.baseUrl());
        environment.put("NTM_PORTAL_REPORTING_URL", reporting.baseUrl());
        environment.putAll(settings.extraEnv());
        return new ServiceProcess("web-portal", jar, settings.portalPort(), environment, settings.workDir());
    }

    private ServiceProcess service(String shortName, Path jar, int port) {
        String database = settings.database(shortName);
        Map<String, String> environment = new HashMap<>();
        environment.put("NTM_DB_URL", postgres.jdbcUrl(database));
        environment.put("NTM_DB_USER", postgres.user());
        environment.put("NTM_DB_PASSWORD", postgres.password());
        environment.put("NTM_KAFKA", kafka.bootstrapServers());
        // the services trust the identity provider's tokens
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", settings.identityUrl());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", jwkSetUri());
        // Last, so a test can override even the wiring (say, point a service at a Kafka that is not there).
        environment.putAll(settings.extraEnv());
        return new ServiceProcess(shortName + "-service", jar, port, environment, settings.workDir());
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** The identity provider's process; its base URL is the tokens' issuer. */
    public ServiceProcess identity() {
        return identity;
    }

    /** Where the services fetch the provider's public keys. */
    public String jwkSetUri() {
        return settings.identityUrl() + "/oauth2/jwks";
    }

    /**
     * A person's view of the platform: the access token a demo user of {@code demo/users.json} gets by signing in on
     * the provider's login page (authorization code with PKCE, through the portal's client), reused until shortly
     * before it expires.
     */
    public String token(String username) {
        return tokens.user(username);
    }

    /** A machine's view: the operator client's token (client credentials; every role, the whole platform). */
    public String machineToken() {
        return tokens.machine();
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

    /** The web portal: the address people open (sign-in, dashboard, the officers' pages). */
    public ServiceProcess portal() {
        return portal;
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
        if (portal != null) {
            steps.add(portal::stop);
        }
        services().forEach(service -> steps.add(service::stop));
        if (kafka != null) {
            steps.add(kafka::stop);
        }
        steps.add(postgres::close);
        if (identity != null) {
            steps.add(identity::stop);
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
