package vn.ntm.portal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * After the session here has ended, the browser goes to the provider's end-session endpoint (with the ID token as
 * hint), which ends the session there too and sends it back to the portal. A page that signs out in the background
 * ({@code X-Requested-With: fetch}, with its CSRF header) gets that address as JSON and navigates to it itself.
 */
final class SignOut extends OidcClientInitiatedLogoutSuccessHandler {

    SignOut(ClientRegistrationRepository registrations) {
        super(registrations);
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
}
