package vn.ntm.e2e;

import java.nio.file.Path;
import vn.ntm.launcher.Platform;
import vn.ntm.testing.JsonHttp;

/**
 * One platform for all end-to-end tests in this JVM: a real Kafka broker, PostgreSQL, and the three services as
 * their own processes, started by the same launcher as the README's run command, on free ports and fresh databases.
 */
final class RunningPlatform {

    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path home = Path.of(System.getProperty("ntm.home", "..")).toAbsolutePath().normalize();
            platform = Platform.start(Platform.Settings.forTests(home, "e2e"));
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
