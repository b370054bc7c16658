package vn.ntm.portal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After the session here has ended, the browser goes to the provider's end-session endpoint (with the ID token as
 * hint), which ends the session there too and sends it back to the portal. A page that signs out in the background
 * ({@code X-Requested-With: fetch}, with its CSRF header) gets that address as JSON and navigates to it itself.
 *
 * <p>The endpoint comes from the provider's discovery document; where the portal cannot read that document (docker
 * compose: the browser and the portal reach Keycloak by different names), {@code ntm.portal.end-session-uri} names it.
 */
final class SignOut extends OidcClientInitiatedLogoutSuccessHandler {

    private final URI endSessionFallback;

    SignOut(ClientRegistrationRepository registrations, URI endSessionFallback) {
        super(registrations);
        this.endSessionFallback = endSessionFallback;
        setPostLogoutRedirectUri("{baseUrl}/");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException, ServletException {
        if (!"fetch".equals(request.getHeader("X-Requested-With"))) {
            super.onLogoutSuccess(request, response, authentication);
            return;
        }
        String target = determineTargetUrl(request, response, authentication);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"redirect\":\"" + target.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        String target = super.determineTargetUrl(request, response, authentication);
        boolean providerUnknown = target.equals(getDefaultTargetUrl());
        if (!providerUnknown || endSessionFallback == null
                || !(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            return target;
        }
        return UriComponentsBuilder.fromUri(endSessionFallback)
                .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                .queryParam("post_logout_redirect_uri",
                        ServletUriComponentsBuilder.fromContextPath(request).path("/").toUriString())
                .encode().build().toUriString();
    }
}
