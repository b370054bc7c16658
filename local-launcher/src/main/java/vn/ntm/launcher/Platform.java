package vn.ntm.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: PostgreSQL, a Kafka broker, the identity provider and the three services, each
 * service in its own database, all trusting the provider's tokens. Each service runs as
 * {@link PlatformSettings#instances()} processes sharing its database and the broker, each on its own port; the portal
 * balances over them. Once started, a service process that dies unasked is reported and started again
 * ({@link ServiceWatch}). {@link #close()} stops everything it started, services first so they never outlive their
 * broker.
 */
public final class Platform implements AutoCloseable {

    /**
     * Two cores shared by three Spring Boot + Axon services: each may take well over a minute to be ready, far more
     * on a machine that builds beside it ({@code -Dntm.ready-timeout-seconds}).
     */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(Integer.getInteger("ntm.ready-timeout-seconds",
            180));
    private static final List<String> SERVICES = PlatformSettings.SERVICES;
    /** The portal's client at the identity provider, which the launcher signs people in through. */
    public static final String PORTAL_CLIENT_ID = "ntm-portal";
    public static final String PORTAL_CLIENT_SECRET = "ntm-portal-secret";

    private final PlatformSettings settings;
    private final Postgres postgres;
    private ServiceProcess identity;
    private Tokens tokens;
    private KafkaBroker kafka;
    /** Short service name → its instances, first instance first. */
    private final Map<String, List<ServiceProcess>> instances = new LinkedHashMap<>();
    private ServiceProcess portal;
    private final ServiceWatch watch;
    private boolean closed;

    private Platform(PlatformSettings settings, Postgres postgres) {
        this.settings = settings;
        this.postgres = postgres;
        this.watch = new ServiceWatch(ServiceWatch.MAX_RESTARTS, ServiceWatch.WINDOW, READY_TIMEOUT,
                System.err::println, java.time.Clock.systemUTC());
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
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : SERVICES) {
            jars.put(service, ServiceProcess.findJar(settings.ntmHome(), service + "-service"));
        }
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
            TopicPartitions.ensure(platform.kafka.bootstrapServers(), System.out::println);
            for (String service : SERVICES) {
                List<ServiceProcess> processes = new ArrayList<>();
                List<Integer> ports = settings.instancePorts(service);
                for (int i = 0; i < ports.size(); i++) {
                    processes.add(platform.service(service, i, jars.get(service), ports.get(i)));
                }
                platform.instances.put(service, List.copyOf(processes));
            }
            // The first instances of all three start at once; waiting on them one after the other still lets them
            // boot in parallel. Further instances follow in waves of three, so that two cores never boot six
            // services at a time (each wave gets the full ready timeout).
            for (int wave = 0; wave < settings.instances(); wave++) {
                List<ServiceProcess> inWave = platform.wave(wave);
                inWave.forEach(ServiceProcess::start);
                if (wave == 0) {
                    platform.identity.awaitReady(READY_TIMEOUT);
                    // The portal reads the provider's discovery document when it starts: after the provider is ready.
                    platform.portal = platform.portal(portalJar);
                    platform.portal.start();
                }
                for (ServiceProcess service : inWave) {
                    service.awaitReady(READY_TIMEOUT);
                }
            }
            platform.portal.awaitReady(READY_TIMEOUT);
            // from now on a service that dies unasked is reported and started again; during start-up its death
            // fails the start instead
            platform.services().forEach(platform.watch::watch);
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

    /** The OpenID Connect provider's process (its environment: {@link ProcessEnvironments#identityProvider}). */
    static ServiceProcess identityProvider(PlatformSettings settings, Path jar) {
        return new ServiceProcess("identity-provider", jar, settings.identityPort(),
                ProcessEnvironments.identityProvider(settings, PORTAL_CLIENT_SECRET), settings.workDir());
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
        Map<String, String> environment = ProcessEnvironments.portal(settings, PORTAL_CLIENT_ID, PORTAL_CLIENT_SECRET,
                instanceUrls());
        return new ServiceProcess("web-portal", jar, settings.portalPort(), environment, settings.workDir());
    }

    private ServiceProcess service(String shortName, int instance, Path jar, int port) {
        Map<String, String> environment = ProcessEnvironments.service(settings, postgres,
                postgres.jdbcUrl(settings.database(shortName)), kafka.bootstrapServers(), jwkSetUri());
        return new ServiceProcess(instanceName(shortName, instance), jar, port, environment, settings.workDir());
    }

    /** {@code criteria-service} for the first instance (and its log file), {@code criteria-service-2} and so on. */
    static String instanceName(String shortName, int instance) {
        return shortName + "-service" + (instance == 0 ? "" : "-" + (instance + 1));
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

    /** The first instance of village-service. */
    public ServiceProcess village() {
        return village(0);
    }

    public ServiceProcess criteria() {
        return criteria(0);
    }

    public ServiceProcess reporting() {
        return reporting(0);
    }

    /** Instance {@code i} (from 0) of village-service. */
    public ServiceProcess village(int i) {
        return instances("village").get(i);
    }

    public ServiceProcess criteria(int i) {
        return instances("criteria").get(i);
    }

    public ServiceProcess reporting(int i) {
        return instances("reporting").get(i);
    }

    /** Every instance of a service, first instance first: {@code criteria} or {@code criteria-service}. */
    public List<ServiceProcess> instances(String service) {
        String shortName = service.endsWith("-service") ? service.substring(0, service.length() - 8) : service;
        List<ServiceProcess> processes = instances.get(shortName);
        if (processes == null) {
            throw new IllegalArgumentException("No service named " + service + "; one of " + SERVICES);
        }
        return processes;
    }

    /** Short service name → the base URLs of its instances, first instance first. */
    public Map<String, List<String>> instanceUrls() {
        Map<String, List<String>> urls = new LinkedHashMap<>();
        instances.forEach((service, processes) -> urls.put(service,
                processes.stream().map(ServiceProcess::baseUrl).toList()));
        return urls;
    }

    /** The web portal: the address people open (sign-in, dashboard, the officers' pages). */
    public ServiceProcess portal() {
        return portal;
    }

    /** Base URLs (of the first instances) by the short service names the demo steps use: village, criteria, reporting. */
    public Map<String, String> baseUrls() {
        return Map.of("village", village().baseUrl(), "criteria", criteria().baseUrl(), "reporting",
                reporting().baseUrl());
    }

    /** Instance {@code i} of each service. */
    private List<ServiceProcess> wave(int i) {
        return instances.values().stream().map(processes -> processes.get(i)).toList();
    }

    /** Every instance of every service started so far. */
    private List<ServiceProcess> services() {
        return instances.values().stream().flatMap(List::stream).toList();
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
        services().forEach(watch::unwatch);
        watch.close();
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
