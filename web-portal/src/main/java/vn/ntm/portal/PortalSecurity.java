package vn.ntm.portal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in as people do it: every page sends an unknown visitor to the provider's login page (authorization code with
 * PKCE), and the session cookie is all the browser keeps. Requests the pages make in the background (the service
 * routes and {@code /me}) get a 401 problem instead of a redirect, so a page can keep what was typed and ask to sign in
 * again. Sign-out ends the session here and at the provider (RP-initiated logout).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class PortalSecurity {

    private static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/favicon.ico", "/error"};

    @Bean
    SecurityFilterChain portal(HttpSecurity http, ClientRegistrationRepository registrations, PortalProperties portal)
            throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC).permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce)))
                .logout(logout -> logout.logoutSuccessHandler(new SignOut(registrations, portal.endSessionUri())))
                .csrf(csrf -> csrf.spa())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(new SignInRequired(), PortalSecurity::backgroundRequest));
        return http.build();
    }

    /** What a page fetches (the service routes, {@code /me}), as opposed to a page the browser navigates to. */
    static boolean backgroundRequest(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/me") || ServiceRoutes.PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** Relayed tokens are refreshed with the refresh token when they expire. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
