package vn.ntm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo accounts of the identity provider, read from its jar: the people of {@code demo/users.json} (one or more
 * per role, each scoped to a unit of the demo, all with the password the file names) and the machine clients of
 * {@code demo/clients.json}. The launcher signs in with them as a person or a script would.
 */
public final class DemoUsers {

    public static final String RESOURCE = "demo/users.json";
    public static final String CLIENTS_RESOURCE = "demo/clients.json";
    /** The operator's machine client: every role, the whole platform (the demo loader, benchmarks, scripts). */
    public static final String OPERATOR_CLIENT = "ntm-cli";

    /** A person who signs in on the provider's login page. */
    public record DemoUser(String username, String password, String name, List<String> roles, String unit) {

        public static final String WHOLE_PLATFORM = "*";

        public DemoUser {
            roles = List.copyOf(roles);
        }
    }

    /** A machine that gets its tokens by client credentials. */
    public record DemoClient(String clientId, String secret, String name, List<String> roles, String unit) {

        public DemoClient {
            roles = List.copyOf(roles);
        }
    }

    private DemoUsers() {
    }

    public static List<DemoUser> load() {
        List<DemoUser> users = new ArrayList<>();
        for (JsonNode user : read(RESOURCE).path("users")) {
            users.add(new DemoUser(user.path("username").asString(), user.path("password").asString(),
                    user.path("name").asString(), roles(user), user.path("unit").asString()));
        }
        return users;
    }

    public static List<DemoClient> clients() {
        List<DemoClient> clients = new ArrayList<>();
        for (JsonNode client : read(CLIENTS_RESOURCE).path("clients")) {
            clients.add(new DemoClient(client.path("clientId").asString(), client.path("secret").asString(),
                    client.path("name").asString(), roles(client), client.path("unit").asString()));
        }
        return clients;
    }

    public static DemoUser user(String username) {
        return load().stream().filter(user -> user.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + username + " in " + RESOURCE + " ("
                        + load().stream().map(DemoUser::username).toList() + ")"));
    }

    public static DemoClient client(String clientId) {
        return clients().stream().filter(client -> client.clientId().equals(clientId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No machine client " + clientId + " in "
                        + CLIENTS_RESOURCE));
    }

    private static List<String> roles(JsonNode account) {
        List<String> roles = new ArrayList<>();
        account.path("roles").forEach(role -> roles.add(role.asString()));
        return roles;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (it comes with the"
                        + " identity-provider jar)");
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
