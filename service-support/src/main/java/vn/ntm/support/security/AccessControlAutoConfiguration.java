package vn.ntm.support.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.ntm.support.config.SupportProperties;

/**
 * Every service is an OAuth2 resource server: no endpoint answers without a valid access token except health and the
 * API docs. Tokens are
 * verified by Spring Security against the issuer configured with the standard
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties ({@code issuer-uri}, {@code jwk-set-uri}, or the
 * environment variables {@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI} and {@code ..._JWK_SET_URI});
 * this adds that a token must expire and be meant for the platform. Tokens come in the {@code Authorization} header
 * only, never in the URL (which ends up in logs); browsers reach the services through the web portal, which sends the
 * header. Who may call what is declared per endpoint with {@link Access}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                + ".OAuth2ResourceServerAutoConfiguration"})
@EnableWebSecurity
@EnableConfigurationProperties(SupportProperties.class)
public class AccessControlAutoConfiguration {

    private static final List<String> ALWAYS_PUBLIC = List.of("/actuator/health", "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error");

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, MessageSource problemMessages, LocaleResolver localeResolver) {
        SecurityProblems unauthenticated = new SecurityProblems(problemMessages, localeResolver);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated));
        return http.build();
    }

    /** Swagger UI offers "Authorize" for a bearer token, and the API docs say every operation needs one. */
    @Bean
    OpenApiCustomizer bearerTokens() {
        return api -> api
                .components((api.getComponents() == null ? new Components() : api.getComponents())
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** An address the firewall refuses gets a problem detail, like every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(MessageSource problemMessages, LocaleResolver localeResolver) {
        return new SecurityProblems(problemMessages, localeResolver);
    }

    /** A token without an expiry would be valid forever: refused. */
    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    }

    /**
     * A token must be meant for this platform ({@code aud}), so that a token the same provider issued to another
     * application is refused: {@code ntm.security.audience} ({@link SupportProperties.Security}).
     */
    @Bean
    OAuth2TokenValidator<Jwt> audienceRequired(SupportProperties properties) {
        String audience = properties.security().audience();
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
    }

    @Bean
    AccessGuard accessGuard(ObjectProvider<UnitLineage> lineage, Clock clock) {
        return new AccessGuard(lineage.getIfAvailable(() -> NO_UNITS), clock);
    }

    @Bean
    WebMvcConfigurer accessInterceptor(AccessGuard guard, ObjectProvider<UnitOwners> owners) {
        UnitOwners found = owners.getIfAvailable(() -> (kind, id) -> java.util.Optional.empty());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AccessInterceptor(guard, found));
            }
        };
    }

    private static final UnitLineage NO_UNITS = new UnitLineage() {
        @Override
        public List<String> ancestorsOrSelf(String unitId, LocalDate on) {
            return List.of();
        }

        @Override
        public List<String> successors(String unitId) {
            return List.of();
        }
    };
}
