package vn.ntm.identity.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The people and the machine clients the provider knows, read once from {@code users.json} and {@code clients.json}. */
public final class DemoAccounts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, DemoUser> users = new LinkedHashMap<>();
    private final Map<String, MachineClient> clients = new LinkedHashMap<>();

    public DemoAccounts(List<DemoUser> users, List<MachineClient> clients) {
        users.forEach(user -> put(this.users, user.username(), user));
        clients.forEach(client -> put(this.clients, client.clientId(), client));
    }

    /**
     * @param clientSecrets secrets that replace the files' demo defaults, by client id (from the environment)
     */
    public static DemoAccounts read(Resource usersFile, Resource clientsFile, Map<String, String> clientSecrets) {
        List<DemoUser> users = new ArrayList<>();
        for (JsonNode user : json(usersFile).path("users")) {
            users.add(new DemoUser(user.path("username").asString(), required(user, "password", usersFile),
                    grants(user, user.path("username").asString())));
        }
        List<MachineClient> clients = new ArrayList<>();
        for (JsonNode client : json(clientsFile).path("clients")) {
            String clientId = client.path("clientId").asString();
            String secret = clientSecrets.getOrDefault(clientId, "");
            clients.add(new MachineClient(clientId, secret.isBlank() ? required(client, "secret", clientsFile) : secret,
                    grants(client, clientId)));
        }
        return new DemoAccounts(users, clients);
    }

    public List<DemoUser> users() {
        return List.copyOf(users.values());
    }

    public List<MachineClient> clients() {
        return List.copyOf(clients.values());
    }

    public Optional<DemoUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public Optional<MachineClient> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }

    private static Grants grants(JsonNode account, String subject) {
        List<String> roles = new ArrayList<>();
        account.path("roles").forEach(role -> roles.add(role.asString()));
        return new Grants(subject, account.path("name").asString(subject), roles, account.path("unit").asString(null));
    }

    private static String required(JsonNode account, String field, Resource file) {
        String value = account.path(field).asString("");
        if (value.isBlank()) {
            throw new IllegalStateException(file.getDescription() + ": " + account + " has no " + field);
        }
        return value;
    }

    private static JsonNode json(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the accounts file " + file.getDescription(), e);
        }
    }

    private static <T> void put(Map<String, T> accounts, String id, T account) {
        if (accounts.putIfAbsent(id, account) != null) {
            throw new IllegalStateException("Two accounts are named " + id);
        }
    }
}
