package vn.ntm.launcher;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What each process of the local run is told through its environment: where its database, broker and provider are. */
final class ProcessEnvironments {

    private ProcessEnvironments() {
    }

    /**
     * The OpenID Connect provider: the demo users sign in on its login page, the launcher and scripts use the
     * {@value DemoUsers#OPERATOR_CLIENT} client. Its signing key lives in the work directory, so a restarted local run
     * still accepts the tokens of the one before.
     */
    static Map<String, String> identityProvider(PlatformSettings settings, String portalClientSecret) {
        Map<String, String> environment = new HashMap<>();
        environment.put("NTM_IDENTITY_ISSUER", settings.identityUrl());
        environment.put("NTM_PORTAL_URL", settings.portalUrl());
        environment.put("NTM_IDENTITY_KEY_FILE", settings.workDir().resolve("identity").resolve("signing-key.json")
                .toString());
        environment.put("NTM_IDENTITY_SHOW_DEMO_ACCOUNTS", "true");
        // set, not inherited: a secret in the developer's shell would otherwise lock the launcher out
        environment.put("NTM_PORTAL_CLIENT_SECRET", portalClientSecret);
        environment.put("NTM_CLI_CLIENT_SECRET", DemoUsers.client(DemoUsers.OPERATOR_CLIENT).secret());
        return environment;
    }

    /**
     * The one address for people: signs them in through the provider and relays their requests to the services with
     * their token; told every instance of each service ({@code urls}: short name → base URLs, first instance first).
     */
    static Map<String, String> portal(PlatformSettings settings, String clientId, String clientSecret,
                                      Map<String, List<String>> urls) {
        Map<String, String> environment = new HashMap<>();
        environment.put("NTM_IDENTITY_ISSUER", settings.identityUrl());
        environment.put("NTM_PORTAL_CLIENT_ID", clientId);
        environment.put("NTM_PORTAL_CLIENT_SECRET", clientSecret);
        environment.put("NTM_PORTAL_VILLAGE_URL", urls.get("village").get(0));
        environment.put("NTM_PORTAL_CRITERIA_URL", urls.get("criteria").get(0));
        environment.put("NTM_PORTAL_REPORTING_URL", urls.get("reporting").get(0));
        if (settings.instances() > 1) {
            environment.put("SPRING_APPLICATION_JSON", portalInstanceUrls(urls));
        }
        environment.putAll(settings.extraEnv());
        return environment;
    }

    /**
     * The portal's lists of instance URLs ({@code ntm.portal.village-urls}, ... comma-separated), as Spring Boot's
     * {@code SPRING_APPLICATION_JSON}: it binds the same for {@code @ConfigurationProperties} and {@code @Value},
     * whatever relaxed name an environment variable would need. The single-URL properties stay set to the first
     * instance, for a portal that reads only those.
     */
    static String portalInstanceUrls(Map<String, List<String>> urls) {
        Map<String, String> lists = new LinkedHashMap<>();
        urls.forEach((service, list) -> lists.put(service + "-urls", String.join(",", list)));
        return JsonMapper.builder().build().writeValueAsString(Map.of("ntm", Map.of("portal", lists)));
    }

    /** A service: its database, the broker, and the provider whose tokens it trusts. */
    static Map<String, String> service(PlatformSettings settings, Postgres postgres, String jdbcUrl,
                                       String kafkaServers, String jwkSetUri) {
        Map<String, String> environment = new HashMap<>();
        environment.put("NTM_DB_URL", jdbcUrl);
        environment.put("NTM_DB_USER", postgres.user());
        environment.put("NTM_DB_PASSWORD", postgres.password());
        environment.put("NTM_KAFKA", kafkaServers);
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", settings.identityUrl());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", jwkSetUri);
        // Last, so a test can override even the wiring (say, point a service at a Kafka that is not there).
        environment.putAll(settings.extraEnv());
        return environment;
    }
}
