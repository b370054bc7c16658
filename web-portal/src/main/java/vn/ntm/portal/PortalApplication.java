package vn.ntm.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The one address people use (cổng thông tin): signs them in on the platform's OpenID Connect provider, serves the
 * dashboard and the officers' pages, and relays each request under {@code /village}, {@code /criteria} and
 * {@code /reporting} to that service with the signed-in user's access token (backend for frontend, ADR 15). Tokens
 * never reach the browser; the browser holds only a session cookie.
 */
@SpringBootApplication
@EnableConfigurationProperties(PortalProperties.class)
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
