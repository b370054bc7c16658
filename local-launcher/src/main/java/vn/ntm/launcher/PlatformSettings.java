package vn.ntm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
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
 */
public record PlatformSettings(Path ntmHome, Path workDir, int kafkaPort, int kafkaControllerPort, int villagePort,
                               int criteriaPort, int reportingPort, String databasePrefix, Map<String, String> extraEnv,
                               int identityPort, int portalPort) {

    public PlatformSettings {
        ntmHome = ntmHome.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
        extraEnv = Map.copyOf(extraEnv);
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
                8090, 8080);
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
                reportingPort, databasePrefix, env, identityPort, portalPort);
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
