package vn.ntm.identity.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import vn.ntm.identity.account.DemoAccounts;
import vn.ntm.identity.account.DemoUser;
import vn.ntm.identity.account.Grants;
import vn.ntm.identity.account.MachineClient;

/**
 * Puts into each token what the services read ({@code Caller} in service-support), in the places a Keycloak realm
 * puts them: {@code aud} with the platform's audience, {@code realm_access.roles}, {@code ntm_unit},
 * {@code preferred_username} and {@code name}; the ID token gets the names (and the unit, for the portal to show).
 */
public final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String UNIT_CLAIM = "ntm_unit";

    private final DemoAccounts accounts;
    private final String audience;

    public TokenClaims(DemoAccounts accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        Optional<Grants> grants = grants(context);
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            // Without grants a token would reach the services with no roles: refuse to issue it at all.
            Grants holder = grants.orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.SERVER_ERROR, "No account for " + context.getPrincipal().getName(), null)));
            context.getClaims().claims(claims -> {
                List<String> aud = new ArrayList<>(audiences(claims.get(JwtClaimNames.AUD)));
                if (!aud.contains(audience)) {
                    aud.add(0, audience);
                }
                claims.put(JwtClaimNames.AUD, aud);
                claims.put(JwtClaimNames.SUB, holder.subject());
                claims.put("preferred_username", holder.subject());
                claims.put("name", holder.name());
                claims.put("realm_access", Map.of("roles", holder.roles()));
                claims.put(UNIT_CLAIM, holder.unit());
            });
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            grants.ifPresent(holder -> context.getClaims().claims(claims -> {
                claims.put("preferred_username", holder.subject());
                claims.put("name", holder.name());
                if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
                    claims.put(UNIT_CLAIM, holder.unit());
                }
            }));
        }
    }

    private Optional<Grants> grants(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return accounts.client(context.getRegisteredClient().getClientId()).map(MachineClient::grants);
        }
        return accounts.user(context.getPrincipal().getName()).map(DemoUser::grants);
    }

    private static List<String> audiences(Object aud) {
        if (aud instanceof Iterable<?> values) {
            List<String> list = new ArrayList<>();
            values.forEach(value -> list.add(String.valueOf(value)));
            return list;
        }
        return aud == null ? List.of() : List.of(String.valueOf(aud));
    }
}
