package vn.ntm.identity.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The provider's settings ({@code ntm.identity.*}; application.yml maps the environment variables onto them).
 *
 * @param issuer           the {@code iss} of every token and the base of the discovery document; blank: the URL the
 *                         provider is called on (tests on random ports)
 * @param audience         added to every access token's {@code aud}; the services require it
 * @param keyFile          where the RS256 signing key is kept (a private JWK), so tokens survive a restart; written
 *                         when missing; none: a new key on every start
 * @param showDemoAccounts whether the login page lists the demo accounts (the local run only)
 * @param users            the people who sign in ({@code demo/users.json})
 * @param clients          the machine clients ({@code demo/clients.json})
 * @param clientSecrets    secrets that replace the demo defaults of {@code clients}, by client id
 * @param machineTokenTtl  how long a client-credentials access token lives
 * @param portal           the web portal, the one client people sign in through
 */
@ConfigurationProperties("ntm.identity")
public record IdentityProperties(String issuer,
                                 @DefaultValue("ntm-platform") String audience,
                                 Path keyFile,
                                 @DefaultValue("false") boolean showDemoAccounts,
                                 @DefaultValue("classpath:demo/users.json") Resource users,
                                 @DefaultValue("classpath:demo/clients.json") Resource clients,
                                 Map<String, String> clientSecrets,
                                 @DefaultValue("15m") Duration machineTokenTtl,
                                 @DefaultValue Portal portal) {

    public IdentityProperties {
        clientSecrets = clientSecrets == null ? Map.of() : Map.copyOf(clientSecrets);
    }

    /**
     * @param clientId        the portal's client id
     * @param secret          its client secret
     * @param urls            the portal's base URLs (a comma-separated list in the environment): each gets
     *                        {@code <url>/login/oauth2/code/ntm} as a redirect URI and {@code <url>/} after sign-out
     * @param accessTokenTtl  how long a person's access token lives
     * @param refreshTokenTtl how long the portal may keep refreshing it without a new sign-in
     */
    public record Portal(@DefaultValue("ntm-portal") String clientId,
                         @DefaultValue("ntm-portal-secret") String secret,
                         @DefaultValue("http://127.0.0.1:8080") List<String> urls,
                         @DefaultValue("5m") Duration accessTokenTtl,
                         @DefaultValue("8h") Duration refreshTokenTtl) {

        public Portal {
            urls = urls.stream().map(String::strip).filter(url -> !url.isEmpty())
                    .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).toList();
        }
    }
}
