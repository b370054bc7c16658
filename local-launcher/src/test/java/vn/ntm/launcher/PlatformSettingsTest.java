package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The instance flag: how many processes of each service, on which ports, and what the portal is told of them. */
class PlatformSettingsTest {

    private static final Path HOME = Path.of(".");

    @AfterEach
    void clearFlag() {
        System.clearProperty(PlatformSettings.INSTANCES_PROPERTY);
    }

    /** Catches a flag that is ignored, or a bad value that starts the platform anyway. */
    @Test
    void theRunCommandsFlagSetsTheInstanceCount() {
        assertThat(PlatformSettings.instancesFromSystemProperties()).isEqualTo(1);
        System.setProperty(PlatformSettings.INSTANCES_PROPERTY, "2");
        assertThat(PlatformSettings.instancesFromSystemProperties()).isEqualTo(2);
        for (String bad : List.of("0", "-1", "two")) {
            System.setProperty(PlatformSettings.INSTANCES_PROPERTY, bad);
            assertThatThrownBy(PlatformSettings::instancesFromSystemProperties)
                    .hasMessageContaining("-Dntm.instances=" + bad).hasMessageContaining("at least 1");
        }
    }

    /** Catches instances that share a port (the second would not start) or a well-known port that moves. */
    @Test
    void eachInstanceHasItsOwnPort() {
        PlatformSettings local = PlatformSettings.local(HOME).withInstances(2);
        assertThat(local.instancePorts("village")).containsExactly(8081, 8181);
        assertThat(local.instancePorts("criteria")).containsExactly(8082, 8182);
        assertThat(local.instancePorts("reporting")).containsExactly(8083, 8183);
        assertThat(PlatformSettings.local(HOME).instancePorts("village")).containsExactly(8081);

        PlatformSettings tests = PlatformSettings.forTests(HOME, "unit").withInstances(3);
        List<Integer> all = new ArrayList<>();
        for (String service : PlatformSettings.SERVICES) {
            List<Integer> ports = tests.instancePorts(service);
            assertThat(ports).hasSize(3).first().isEqualTo(tests.port(service));
            all.addAll(ports);
        }
        all.addAll(List.of(tests.kafkaPort(), tests.identityPort(), tests.portalPort()));
        assertThat(all).doesNotHaveDuplicates();
    }

    /** Catches instances whose log files overwrite each other, or names that drop the first instance's. */
    @Test
    void eachInstanceHasItsOwnNameAndLog() {
        assertThat(Platform.instanceName("criteria", 0)).isEqualTo("criteria-service");
        assertThat(Platform.instanceName("criteria", 1)).isEqualTo("criteria-service-2");
    }

    /** Catches a portal that is told only of the first instance of each service. */
    @Test
    void thePortalIsToldEveryInstance() {
        JsonNode json = JsonMapper.builder().build().readTree(ProcessEnvironments.portalInstanceUrls(Map.of(
                "village", List.of("http://127.0.0.1:8081", "http://127.0.0.1:8181"),
                "reporting", List.of("http://127.0.0.1:8083", "http://127.0.0.1:8183"))));
        assertThat(json.path("ntm").path("portal").path("village-urls").asString())
                .isEqualTo("http://127.0.0.1:8081,http://127.0.0.1:8181");
        assertThat(json.path("ntm").path("portal").path("reporting-urls").asString())
                .isEqualTo("http://127.0.0.1:8083,http://127.0.0.1:8183");
    }
}
