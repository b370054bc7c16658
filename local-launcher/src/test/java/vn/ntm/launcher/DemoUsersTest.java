package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.identity.DemoUser;

/** The demo users of the local run, the Keycloak realm of docker-compose and the demo data must tell one story. */
class DemoUsersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theKeycloakRealmHasTheSameUsersRolesAndUnits() throws Exception {
        JsonNode realm = JSON.readTree(Files.readString(Path.of("..", "docker", "keycloak", "ntm-realm.json")));
        List<String> fromRealm = new ArrayList<>();
        realm.path("users").forEach(user -> fromRealm.add(user.path("username").asString() + " "
                + user.path("realmRoles") + " " + user.path("attributes").path("ntm_unit").path(0).asString()));
        List<String> fromDemo = DemoUsers.load().stream()
                .map(user -> user.username() + " " + JSON.valueToTree(user.roles()) + " " + user.unit()).toList();
        assertThat(fromRealm).containsExactlyInAnyOrderElementsOf(fromDemo);
    }

    @Test
    void everyDemoUserIsScopedToAUnitTheDemoRegistersOrToTheWholePlatform() throws Exception {
        String demo = Files.readString(Path.of("src", "main", "resources", "demo", "song-van.json"))
                + Files.readString(Path.of("src", "main", "resources", "demo", "ngoc-thien-2025.json"));
        List<DemoUser> users = DemoUsers.load();
        assertThat(users).extracting(DemoUser::roles).allSatisfy(roles -> assertThat(roles).isNotEmpty()
                .allMatch(List.of("commune-officer", "analyst", "provincial-admin", "viewer")::contains));
        assertThat(users).allSatisfy(user -> assertThat(user.unit().equals(DemoUser.WHOLE_PLATFORM)
                || demo.contains("\"id\": \"" + user.unit() + "\"")).as(user.username()).isTrue());
        assertThat(users).extracting(DemoUser::username).contains(DemoLoader.DEFAULT_USER, "can-bo-song-van");
    }
}
