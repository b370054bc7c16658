package vn.ntm.e2e;

import java.nio.file.Path;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.Postgres;
import vn.ntm.testing.JsonHttp;

/**
 * One platform for all end-to-end tests in this JVM: a real Kafka broker, a PostgreSQL server of its own (embedded,
 * on a free port), and the three services as their own processes, started by the same launcher as the README's run
 * command, on free ports and fresh databases.
 */
final class RunningPlatform {

    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path home = Path.of(System.getProperty("ntm.home", "..")).toAbsolutePath().normalize();
            Platform.Settings settings = Platform.Settings.forTests(home, "e2e");
            // A PostgreSQL server of the suite's own: the fault suite restarts it, which the machine's shared
            // server (other builds' databases) must never see.
            platform = Platform.start(settings, () -> Postgres.isolated(settings.workDir().resolve("pgdata")));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::closeAndDropDatabases, "e2e-platform-shutdown"));
        }
        return platform;
    }

    static JsonHttp village() {
        return client(get().village().baseUrl());
    }

    static JsonHttp criteria() {
        return client(get().criteria().baseUrl());
    }

    static JsonHttp reporting() {
        return client(get().reporting().baseUrl());
    }

    private static JsonHttp client(String baseUrl) {
        return new JsonHttp(baseUrl).with("X-NTM-Actor", "can-bo@songvan").with("X-NTM-Role", "commune-officer");
    }
}
