package vn.ntm.testing.identity;

import java.util.List;

/**
 * A user the tests' issuer signs tokens for: what a real identity provider (Keycloak, for example) would hold.
 *
 * @param username the login and the token's {@code sub} and {@code preferred_username}
 * @param name     the display name
 * @param roles    the platform roles ({@code commune-officer}, {@code analyst}, {@code provincial-admin},
 *                 {@code viewer}), carried where Keycloak puts realm roles ({@code realm_access.roles})
 * @param unit     the unit whose subtree the user's roles cover ({@code ntm_unit}); {@link #WHOLE_PLATFORM} for an
 *                 operator of the whole platform
 */
public record DemoUser(String username, String name, List<String> roles, String unit) {

    public static final String WHOLE_PLATFORM = "*";

    public DemoUser {
        roles = List.copyOf(roles);
    }

    public static DemoUser of(String username, String role, String unit) {
        return new DemoUser(username, username, List.of(role), unit);
    }
}
