package vn.ntm.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, read from a verified access token.
 *
 * @param subject {@code preferred_username}, else {@code sub}
 * @param roles   the platform roles among the token's realm roles ({@code realm_access.roles}) and {@code roles}
 * @param scope   the unit whose subtree the roles cover ({@code ntm_unit}); {@link #WHOLE_PLATFORM} for an operator of
 *                the whole platform; null when the token names none (then no unit is covered)
 */
public record Caller(String subject, Set<Role> roles, String scope) {

    public static final String WHOLE_PLATFORM = "*";
    public static final String UNIT_CLAIM = "ntm_unit";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String claim : roleClaims(jwt)) {
            Role.fromClaim(claim).ifPresent(roles::add);
        }
        return new Caller(name == null || name.isBlank() ? jwt.getSubject() : name, roles,
                jwt.getClaimAsString(UNIT_CLAIM));
    }

    public boolean wholePlatform() {
        return WHOLE_PLATFORM.equals(scope);
    }

    private static Set<String> roleClaims(Jwt jwt) {
        Set<String> claims = new LinkedHashSet<>();
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> realm && realm.get("roles") instanceof Collection<?> c) {
            c.forEach(role -> claims.add(String.valueOf(role)));
        }
        List<String> plain = jwt.getClaimAsStringList("roles");
        if (plain != null) {
            claims.addAll(plain);
        }
        return claims;
    }
}
