package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.launcher.DemoUsers.DemoClient;
import vn.ntm.launcher.DemoUsers.DemoUser;

/**
 * The identity provider's demo accounts, the Keycloak realm of docker-compose and the demo data must tell one story.
 */
class DemoUsersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> PLATFORM_ROLES = List.of("commune-officer", "analyst", "provincial-admin", "viewer");

    @Test
    void theKeycloakRealmHasTheSameUsersNamesPasswordsRolesAndUnits() throws Exception {
        List<String> fromRealm = new ArrayList<>();
        realm().path("users").forEach(user -> {
            if (!user.has("serviceAccountClientId")) {
                fromRealm.add(user.path("username").asString() + " " + user.path("firstName").asString() + " "
                        + user.path("credentials").path(0).path("value").asString() + " " + user.path("realmRoles")
                        + " " + user.path("attributes").path("ntm_unit").path(0).asString());
            }
        });
        List<String> fromDemo = DemoUsers.load().stream().map(user -> user.username() + " " + user.name() + " "
                + user.password() + " " + JSON.valueToTree(user.roles()) + " " + user.unit()).toList();
        assertThat(fromRealm).containsExactlyInAnyOrderElementsOf(fromDemo);
    }

    @Test
    void theKeycloakRealmHasTheSameMachineClientsWithTheirRolesUnitsAndTheAudience() throws Exception {
        JsonNode realm = realm();
        List<String> fromRealm = new ArrayList<>();
        realm.path("clients").forEach(client -> {
            if (client.path("serviceAccountsEnabled").asBoolean()) {
                String id = client.path("clientId").asString();
                JsonNode account = find(realm.path("users"), "serviceAccountClientId", id);
                fromRealm.add(id + " " + client.path("secret").asString() + " " + account.path("realmRoles") + " "
                        + mapper(client, "oidc-hardcoded-claim-mapper").path("config").path("claim.value").asString()
                        + " " + mapper(client, "oidc-audience-mapper").path("config")
                        .path("included.custom.audience").asString());
            }
        });
        List<String> fromDemo = DemoUsers.clients().stream().map(client -> client.clientId() + " " + client.secret()
                + " " + JSON.valueToTree(client.roles()) + " " + client.unit() + " ntm-platform").toList();
        assertThat(fromRealm).containsExactlyInAnyOrderElementsOf(fromDemo);

        JsonNode portal = find(realm.path("clients"), "clientId", Platform.PORTAL_CLIENT_ID);
        assertThat(portal.path("publicClient").asBoolean()).as("the portal is a confidential client").isFalse();
        assertThat(portal.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(mapper(portal, "oidc-audience-mapper").path("config").path("included.custom.audience").asString())
                .isEqualTo("ntm-platform");
    }

    @Test
    void everyDemoAccountIsScopedToAUnitTheDemoRegistersOrToTheWholePlatform() throws Exception {
        String demo = Files.readString(Path.of("src", "main", "resources", "demo", "song-van.json"))
                + Files.readString(Path.of("src", "main", "resources", "demo", "ngoc-thien-2025.json"));
        List<DemoUser> users = DemoUsers.load();
        assertThat(users).extracting(DemoUser::roles).allSatisfy(roles ->
                assertThat(roles).isNotEmpty().allMatch(PLATFORM_ROLES::contains));
        assertThat(users).allSatisfy(user -> assertThat(user.unit().equals(DemoUser.WHOLE_PLATFORM)
                || demo.contains("\"id\": \"" + user.unit() + "\"")).as(user.username()).isTrue());
        assertThat(users).allSatisfy(user -> assertThat(user.password()).as(user.username()).isNotBlank());
        // who the demo steps, the end-to-end tests and the README act as
        assertThat(users).extracting(DemoUser::username)
                .contains("can-bo-song-van", "can-bo-ngoc-thien", "quan-tri-he-thong", "van-hanh");
        assertThat(DemoUsers.clients()).extracting(DemoClient::clientId).contains(DemoUsers.OPERATOR_CLIENT);
        assertThat(DemoUsers.client(DemoUsers.OPERATOR_CLIENT).roles()).containsExactlyElementsOf(PLATFORM_ROLES);
        assertThat(DemoUsers.client(DemoUsers.OPERATOR_CLIENT).unit()).isEqualTo(DemoUser.WHOLE_PLATFORM);
        assertThat(DemoUsers.clients()).allSatisfy(client -> assertThat(client.unit().equals(DemoUser.WHOLE_PLATFORM)
                || demo.contains("\"id\": \"" + client.unit() + "\"")).as(client.clientId()).isTrue());
    }

    private static JsonNode realm() throws Exception {
        return JSON.readTree(Files.readString(Path.of("..", "docker", "keycloak", "ntm-realm.json")));
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode node : list) {
            if (value.equals(node.path(field).asString())) {
                return node;
            }
        }
        throw new AssertionError("No " + field + " " + value + " in the realm");
    }

    private static JsonNode mapper(JsonNode client, String type) {
        return find(client.path("protocolMappers"), "protocolMapper", type);
    }
}
