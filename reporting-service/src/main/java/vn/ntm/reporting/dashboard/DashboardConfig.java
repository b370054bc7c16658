package vn.ntm.reporting.dashboard;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.support.security.OpenPaths;

/**
 * What the dashboard needs before anyone has signed in: its static files, and where tokens come from. Both are
 * public; the data is not ({@code /api/**} needs a token, the feed accepts it as {@code ?access_token=}).
 *
 * <p>{@code ntm.dashboard.demo-issuer-url} is set only by the local launcher, which runs the demo identity provider:
 * the dashboard then offers its demo users to sign in as. Without it the dashboard asks for an access token from the
 * platform's provider ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); a production deployment puts
 * the dashboard behind that provider's login instead (README, "Access").
 */
@Configuration(proxyBeanMethods = false)
@RestController
class DashboardConfig {

    static final String CONFIG_PATH = "/dashboard-config.json";

    private final String demoIssuer;
    private final String issuer;

    DashboardConfig(@Value("${ntm.dashboard.demo-issuer-url:}") String demoIssuer,
                    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        this.demoIssuer = demoIssuer.isBlank() ? null : demoIssuer.strip();
        this.issuer = issuer.isBlank() ? null : issuer.strip();
    }

    @Bean
    OpenPaths dashboardPaths() {
        return new OpenPaths(List.of("/", "/index.html", "/dashboard.js", "/dashboard.css", "/favicon.ico",
                CONFIG_PATH), List.of("/api/feed"));
    }

    /**
     * @param issuer     the identity provider whose tokens the platform accepts
     * @param demoIssuer true when that is the local demo provider, which lists its users ({@code GET /users}) and
     *                   hands out their tokens ({@code POST /token})
     */
    record Config(String issuer, boolean demoIssuer) {
    }

    @GetMapping(CONFIG_PATH)
    ResponseEntity<Config> config() {
        Config config = demoIssuer != null ? new Config(demoIssuer, true) : new Config(issuer, false);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(config);
    }
}
