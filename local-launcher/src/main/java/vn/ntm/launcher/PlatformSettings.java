package vn.ntm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where everything of a {@link Platform} lives and listens.
 *
 * @param ntmHome        the project checkout, where the service jars are built
 * @param workDir        Kafka data, embedded PostgreSQL data and all logs
 * @param databasePrefix the services' databases are {@code <prefix>_village}, {@code <prefix>_criteria}, ...
 * @param extraEnv       environment variables given to every service, overriding the platform's own
 * @param identityPort   the identity provider's port (its issuer is {@code http://127.0.0.1:<port>})
 * @param portalPort     the web portal's port: the provider sends people back to it after signing in
 * @param instances      how many processes of each service run (1 or more), all on the same database and broker;
 *                       the first listens on the service's port above
 * @param instanceStep   the further instances listen on the first one's port plus {@code instanceStep} times their
 *                       index (8181, 8281 for village-service on a developer's machine); 0: on free ports chosen when
 *                       the platform starts
 */
public record PlatformSettings(Path ntmHome, Path workDir, int kafkaPort, int kafkaControllerPort, int villagePort,
                               int criteriaPort, int reportingPort, String databasePrefix, Map<String, String> extraEnv,
                               int identityPort, int portalPort, int instances, int instanceStep) {

    /** The system property of the run command that sets {@link #instances()}: {@code -Dntm.instances=2}. */
    public static final String INSTANCES_PROPERTY = "ntm.instances";
    /** The services, by the short names their databases and the demo steps use. */
    public static final List<String> SERVICES = List.of("village", "criteria", "reporting");
    private static final int LOCAL_INSTANCE_STEP = 100;

    public PlatformSettings {
        ntmHome = ntmHome.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
        extraEnv = Map.copyOf(extraEnv);
        if (instances < 1) {
            throw new IllegalArgumentException("At least one instance of each service, not " + instances);
        }
    }

    /** One instance of each service. */
    public PlatformSettings(Path ntmHome, Path workDir, int kafkaPort, int kafkaControllerPort, int villagePort,
                            int criteriaPort, int reportingPort, String databasePrefix, Map<String, String> extraEnv,
                            int identityPort, int portalPort) {
        this(ntmHome, workDir, kafkaPort, kafkaControllerPort, villagePort, criteriaPort, reportingPort,
                databasePrefix, extraEnv, identityPort, portalPort, 1, 0);
    }

    /** Settings whose identity provider and portal take free ports. */
    public PlatformSettings(Path ntmHome, Path workDir, int kafkaPort, int kafkaControllerPort, int villagePort,
                            int criteriaPort, int reportingPort, String databasePrefix, Map<String, String> extraEnv) {
        this(ntmHome, workDir, kafkaPort, kafkaControllerPort, villagePort, criteriaPort, reportingPort,
                databasePrefix, extraEnv, freePort(), freePort());
    }

    /** The fixed, well-known ports and the persistent {@code .ntm} directory of a developer's machine. */
    public static PlatformSettings local(Path ntmHome) {
        return new PlatformSettings(ntmHome, ntmHome.resolve(".ntm"), 9092, 9093, 8081, 8082, 8083, "ntm", Map.of(),
                8090, 8080, 1, LOCAL_INSTANCE_STEP);
    }

    /** Free ports and fresh databases and directories, so runs never see each other's data. */
    public static PlatformSettings forTests(Path ntmHome, String prefix) {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path workDir = ntmHome.resolve("end-to-end-tests").resolve("target").resolve("platform-" + prefix + "-" + run);
        return new PlatformSettings(ntmHome, workDir, freePort(), freePort(), freePort(), freePort(), freePort(),
                prefix + "_" + run, Map.of(), freePort(), freePort());
    }

    public PlatformSettings withExtraEnv(Map<String, String> env) {
        return new PlatformSettings(ntmHome, workDir, kafkaPort, kafkaControllerPort, villagePort, criteriaPort,
                reportingPort, databasePrefix, env, identityPort, portalPort, instances, instanceStep);
    }

    /** The same platform with {@code count} instances of each service. */
    public PlatformSettings withInstances(int count) {
        return new PlatformSettings(ntmHome, workDir, kafkaPort, kafkaControllerPort, villagePort, criteriaPort,
                reportingPort, databasePrefix, extraEnv, identityPort, portalPort, count, instanceStep);
    }

    /**
     * The instance count the run command was given ({@code -Dntm.instances=2}; 1 when absent).
     *
     * @throws IllegalArgumentException when it is not a whole number of at least 1, with a message for the console
     */
    public static int instancesFromSystemProperties() {
        String value = System.getProperty(INSTANCES_PROPERTY, "1").strip();
        try {
            int count = Integer.parseInt(value);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + INSTANCES_PROPERTY + "=" + value
                + " is not a number of instances: give a whole number of at least 1, e.g. -D" + INSTANCES_PROPERTY
                + "=2");
    }

    /** The port of the service's first instance ({@code village}, {@code criteria} or {@code reporting}). */
    public int port(String service) {
        return switch (service) {
            case "village" -> villagePort;
            case "criteria" -> criteriaPort;
            case "reporting" -> reportingPort;
            default -> throw new IllegalArgumentException("No service named " + service + "; one of " + SERVICES);
        };
    }

    /**
     * The ports of every instance of a service, first instance first. With {@code instanceStep} 0 the further ones
     * are free ports chosen by this call: the platform asks once, when it starts.
     */
    public List<Integer> instancePorts(String service) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            ports.add(i == 0 ? port(service) : instanceStep > 0 ? port(service) + instanceStep * i : freePort());
        }
        return List.copyOf(ports);
    }

    /** The identity provider's base URL, which is also the issuer ({@code iss}) of its tokens. */
    public String identityUrl() {
        return "http://127.0.0.1:" + identityPort;
    }

    /** The portal's base URL, as the identity provider knows it (redirect and post-logout URIs). */
    public String portalUrl() {
        return "http://127.0.0.1:" + portalPort;
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
