package vn.ntm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ntm.identity.DemoUser;

/** The demo users of {@code demo/users.json}: one or more per role, each scoped to a unit of the demo. */
public final class DemoUsers {

    public static final String RESOURCE = "demo/users.json";

    private DemoUsers() {
    }

    public static List<DemoUser> load() {
        try (InputStream in = DemoUsers.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the launcher's class path");
            }
            List<DemoUser> users = new ArrayList<>();
            for (JsonNode user : JsonMapper.builder().build().readTree(in).path("users")) {
                List<String> roles = new ArrayList<>();
                user.path("roles").forEach(role -> roles.add(role.asString()));
                users.add(new DemoUser(user.path("username").asString(), user.path("name").asString(), roles,
                        user.path("unit").asString()));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
