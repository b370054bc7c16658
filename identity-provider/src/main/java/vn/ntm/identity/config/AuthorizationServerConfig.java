package vn.ntm.identity.config;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;
import vn.ntm.identity.account.DemoAccounts;
import vn.ntm.identity.account.MachineClient;
import vn.ntm.identity.token.SigningKey;
import vn.ntm.identity.token.TokenClaims;

/**
 * Spring Authorization Server as the platform needs it: OpenID Connect (discovery, JWKS, user info, RP-initiated
 * logout), the portal's client with PKCE and no consent screen, the machine clients, and the login page of
 * {@code web.LoginController} for everything a person does.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

    static final String LOGIN_PAGE = "/login";
    /** Where the portal's Spring Security client receives the code (its registration id is {@code ntm}). */
    static final String PORTAL_CALLBACK = "/login/oauth2/code/ntm";

    /** The protocol endpoints; a browser without a session is sent to the login page. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.logoutResponseHandler(afterSignOut())));
        });
        http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
        // the user info endpoint takes the access token
        http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE), browsers));
        return http.build();
    }

    /** The login page, the signed-in page and health; a form logout comes back to the login page saying so. */
    @Bean
    @Order(2)
    SecurityFilterChain loginPages(HttpSecurity http) {
        http.authorizeHttpRequests(authorize -> authorize
                .requestMatchers(LOGIN_PAGE, "/login.css", "/favicon.ico", "/error", "/actuator/health",
                        "/actuator/health/**").permitAll()
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage(LOGIN_PAGE).permitAll());
        http.logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout"));
        return http.build();
    }

    /**
     * After RP-initiated logout: to the client's {@code post_logout_redirect_uri} when it gave a registered one (the
     * default handler); else to the login page saying "signed out", rather than to {@code /}, which would ask to
     * sign in without a word.
     */
    private static AuthenticationSuccessHandler afterSignOut() {
        OidcLogoutAuthenticationSuccessHandler standard = new OidcLogoutAuthenticationSuccessHandler();
        SecurityContextLogoutHandler signOut = new SecurityContextLogoutHandler();
        return (request, response, authentication) -> {
            if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.isAuthenticated()
                    && StringUtils.hasText(logout.getPostLogoutRedirectUri())) {
                standard.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            if (authentication instanceof OidcLogoutAuthenticationToken logout && logout.isPrincipalAuthenticated()) {
                signOut.logout(request, response, (Authentication) logout.getPrincipal());
            }
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?logout");
        };
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(properties.issuer())) {
            settings.issuer(properties.issuer().strip());
        }
        return settings.build();
    }

    @Bean
    DemoAccounts demoAccounts(IdentityProperties properties) {
        return DemoAccounts.read(properties.users(), properties.clients(), properties.clientSecrets());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Passwords are kept only as bcrypt hashes. */
    @Bean
    UserDetailsService users(DemoAccounts accounts, PasswordEncoder passwords) {
        return new InMemoryUserDetailsManager(accounts.users().stream()
                .map(user -> User.withUsername(user.username()).password(passwords.encode(user.password()))
                        .authorities(user.grants().roles().stream().map(role -> "ROLE_" + role).toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties, DemoAccounts accounts,
                                                 PasswordEncoder passwords) {
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(portal(properties.portal(), passwords));
        for (MachineClient machine : accounts.clients()) {
            clients.add(RegisteredClient.withId(stableId(machine.clientId()))
                    .clientId(machine.clientId())
                    .clientName(machine.grants().name())
                    .clientSecret(passwords.encode(machine.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.machineTokenTtl()).build())
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient portal(IdentityProperties.Portal portal, PasswordEncoder passwords) {
        if (portal.urls().isEmpty()) {
            throw new IllegalStateException("ntm.identity.portal.urls (NTM_PORTAL_URL) names no portal URL");
        }
        RegisteredClient.Builder client = RegisteredClient.withId(stableId(portal.clientId()))
                .clientId(portal.clientId())
                .clientName("Cổng thông tin Nông thôn mới")
                .clientSecret(passwords.encode(portal.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(portal.accessTokenTtl())
                        .refreshTokenTimeToLive(portal.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build());
        for (String url : portal.urls()) {
            client.redirectUri(url + PORTAL_CALLBACK).postLogoutRedirectUri(url + "/");
        }
        return client.build();
    }

    /** The same registration id on every start, derived from the client id. */
    private static String stableId(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        RSAKey key = properties.keyFile() == null ? SigningKey.generate() : SigningKey.loadOrCreate(properties.keyFile());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    TokenClaims tokenClaims(DemoAccounts accounts, IdentityProperties properties) {
        return new TokenClaims(accounts, properties.audience());
    }
}
