package vn.ntm.testing;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import vn.ntm.testing.identity.DemoUser;
import vn.ntm.testing.identity.KeySetServer;
import vn.ntm.testing.identity.TokenIssuer;

/**
 * The identity provider of the tests: one issuer per test JVM, on loopback, whose key set the service under test
 * fetches over HTTP as it would a real provider's. Tests sign the tokens they need in-process with {@link #issuer()}.
 */
public final class TestIdentity implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Whoever the functional tests act as: every role, the whole platform. Access itself is tested on its own. */
    public static final DemoUser OPERATOR = new DemoUser("kiem-thu", "Kiểm thử",
            List.of("commune-officer", "analyst", "provincial-admin", "viewer"), DemoUser.WHOLE_PLATFORM);

    private static KeySetServer server;

    public static synchronized KeySetServer server() {
        if (server == null) {
            server = KeySetServer.start(TokenIssuer.DEFAULT_AUDIENCE);
        }
        return server;
    }

    public static TokenIssuer issuer() {
        return server().issuer();
    }

    public static String operatorToken() {
        return issuer().token(OPERATOR);
    }

    /** The properties that point a service at this issuer, as {@code key=value} lines. */
    public static List<String> serviceProperties() {
        return List.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + server().url(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + server().jwkSetUri());
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(serviceProperties()).applyTo(context);
    }
}
