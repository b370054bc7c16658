package vn.ntm.e2e;

import java.nio.file.Path;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.PlatformSettings;
import vn.ntm.launcher.Postgres;
import vn.ntm.launcher.ServiceProcess;
import vn.ntm.testing.JsonHttp;

/**
 * A platform with {@value #INSTANCES} instances of each service (one database per service and one broker shared by
 * them, each instance on its own port), started by the same launcher as the run command with {@code -Dntm.instances=2}.
 * Separate from {@link RunningPlatform}, whose single instances the other end-to-end tests assert exactly; started
 * once per JVM by the first test that asks and stopped by {@link #close()} when that test class is done, so it never
 * runs beside the single-instance platform longer than it must.
 */
final class MultiInstancePlatform {

    static final int INSTANCES = 2;
    private static Platform platform;

    private MultiInstancePlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path home = Path.of(System.getProperty("ntm.home", "..")).toAbsolutePath().normalize();
            PlatformSettings settings = PlatformSettings.forTests(home, "multi").withInstances(INSTANCES);
            // a PostgreSQL server of its own, as RunningPlatform's: nothing here may touch the machine's shared one
            platform = Platform.start(settings, () -> Postgres.isolated(settings.workDir().resolve("pgdata")));
            Runtime.getRuntime().addShutdownHook(new Thread(MultiInstancePlatform::close, "multi-platform-shutdown"));
        }
        return platform;
    }

    static synchronized void close() {
        if (platform != null) {
            platform.closeAndDropDatabases();
            platform = null;
        }
    }

    /** One instance of a service, as the operator demo user (every role, the whole platform). */
    static JsonHttp client(ServiceProcess instance) {
        return new JsonHttp(instance.baseUrl()).withToken(get().token(RunningPlatform.OPERATOR));
    }
}
