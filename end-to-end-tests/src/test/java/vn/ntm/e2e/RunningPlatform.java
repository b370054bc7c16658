package vn.ntm.e2e;

import java.nio.file.Path;
import vn.ntm.launcher.DemoLoader;
import vn.ntm.launcher.Platform;
import vn.ntm.launcher.PlatformSettings;
import vn.ntm.launcher.Postgres;
import vn.ntm.testing.JsonHttp;

/**
 * One platform for all end-to-end tests in this JVM: a real Kafka broker, a PostgreSQL server of its own (embedded,
 * on a free port), the identity provider and the three services as their own processes, started by the same launcher
 * as the README's run command, on free ports and fresh databases. Tests act as demo users with the tokens they get by
 * signing in on the provider's login page.
 */
final class RunningPlatform {

    private static Platform platform;

    private RunningPlatform() {
    }

    static synchronized Platform get() {
        if (platform == null) {
            Path home = Path.of(System.getProperty("ntm.home", "..")).toAbsolutePath().normalize();
            PlatformSettings settings = PlatformSettings.forTests(home, "e2e");
            // A PostgreSQL server of the suite's own: the fault suite restarts it, which the machine's shared
            // server (other builds' databases) must never see.
            platform = Platform.start(settings, () -> Postgres.isolated(settings.workDir().resolve("pgdata")));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::closeAndDropDatabases, "e2e-platform-shutdown"));
        }
        return platform;
    }

    /** The demo user machines act as: every role, the whole platform (demo/users.json). */
    static final String OPERATOR = "van-hanh";

    static JsonHttp village() {
        return village(OPERATOR);
    }

    static JsonHttp criteria() {
        return criteria(OPERATOR);
    }

    static JsonHttp reporting() {
        return reporting(OPERATOR);
    }

    /** village-service as a demo user, with the token the user gets by signing in on the identity provider. */
    static JsonHttp village(String user) {
        return client(get().village().baseUrl(), user);
    }

    static JsonHttp criteria(String user) {
        return client(get().criteria().baseUrl(), user);
    }

    static JsonHttp reporting(String user) {
        return client(get().reporting().baseUrl(), user);
    }

    static DemoLoader demo() {
        return new DemoLoader(get().baseUrls(), get()::machineToken, get()::token);
    }

    private static JsonHttp client(String baseUrl, String user) {
        return new JsonHttp(baseUrl).withToken(get().token(user));
    }

    /**
     * A province, district and commune of a test's own (region TDMNPB, as Bắc Giang), registered through
     * village-service and awaited until criteria-service and reporting know the commune: a test that writes to it
     * leaves the demo's history, which other tests assert exactly, as it was. Returns the commune's id.
     */
    static String registerCommune(String name) {
        String province = java.util.UUID.randomUUID().toString();
        String district = java.util.UUID.randomUUID().toString();
        String commune = java.util.UUID.randomUUID().toString();
        for (java.util.Map<String, Object> unit : java.util.List.of(
                java.util.Map.<String, Object>of("id", province, "level", "PROVINCE", "name", "Tỉnh " + name,
                        "validFrom", "2024-01-01", "legalBasis", "kiểm thử", "region", "TDMNPB"),
                java.util.Map.<String, Object>of("id", district, "level", "DISTRICT", "name", "Huyện " + name,
                        "validFrom", "2024-01-01", "legalBasis", "kiểm thử", "parentId", province),
                java.util.Map.<String, Object>of("id", commune, "level", "COMMUNE", "name", "Xã " + name,
                        "validFrom", "2024-01-01", "legalBasis", "kiểm thử", "parentId", district))) {
            JsonHttp.Response registered = village().post("/api/units", unit);
            org.assertj.core.api.Assertions.assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            org.assertj.core.api.Assertions.assertThat(criteria().get("/api/units/" + commune).status())
                    .isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(MeasurementFlowIT.find(
                    reporting().get("/api/units?asOf=2024-12-31").json(), commune)).isNotNull();
        });
        return commune;
    }
}
