package vn.ntm.identity.account;

import java.util.List;

/**
 * What an access token grants its holder: the claims the services read ({@code Caller} in service-support).
 *
 * @param subject the token's {@code sub} and {@code preferred_username}: a username, or a machine client's id
 * @param name    the display name ({@code name})
 * @param roles   the platform roles, carried where Keycloak puts realm roles ({@code realm_access.roles})
 * @param unit    the unit whose subtree the roles cover ({@code ntm_unit}); {@code *} is the whole platform
 */
public record Grants(String subject, String name, List<String> roles, String unit) {

    public static final String WHOLE_PLATFORM = "*";
    static final List<String> PLATFORM_ROLES = List.of("commune-officer", "analyst", "provincial-admin", "viewer");

    public Grants {
        roles = List.copyOf(roles);
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("An account needs a name to sign in with");
        }
        if (roles.isEmpty() || !PLATFORM_ROLES.containsAll(roles)) {
            throw new IllegalArgumentException(subject + ": roles must be some of " + PLATFORM_ROLES + ", not " + roles);
        }
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException(subject + ": every account is scoped to a unit or to '*'");
        }
    }
}
