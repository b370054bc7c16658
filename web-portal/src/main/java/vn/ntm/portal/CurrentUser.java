package vn.ntm.portal;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is signed in, for the pages' header and to offer only what the user may do: name and username from the ID
 * token, roles ({@code realm_access.roles}) and unit ({@code ntm_unit}) from the access token the services will see.
 * The portal received that token from the provider itself, over the back channel, so it reads it without checking
 * its signature again; the services verify it on every request.
 */
@RestController
class CurrentUser {

    record Me(String username, String name, List<String> roles, String unit) {
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal OidcUser user,
          @RegisteredOAuth2AuthorizedClient("ntm") OAuth2AuthorizedClient client) throws ParseException {
        JWTClaimsSet claims = JWTParser.parse(client.getAccessToken().getTokenValue()).getJWTClaimsSet();
        Object realmAccess = claims.getClaim("realm_access");
        List<String> roles = realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
        return new Me(user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject(), name, roles,
                claims.getStringClaim("ntm_unit"));
    }
}
