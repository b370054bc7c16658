package vn.ntm.portal;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are ({@code ntm.portal.*}; environment {@code NTM_PORTAL_VILLAGE_URL} and so on).
 *
 * @param villageUrl        village-service's base URL, used when {@code villageUrls} is empty
 * @param criteriaUrl       criteria-service's base URL, used when {@code criteriaUrls} is empty
 * @param reportingUrl      reporting-service's base URL, used when {@code reportingUrls} is empty
 * @param villageUrls       the base URLs of every village-service instance (comma-separated in the environment)
 * @param criteriaUrls      the base URLs of every criteria-service instance
 * @param reportingUrls     the base URLs of every reporting-service instance
 * @param resolveAddresses  true where one name stands for several instances (docker compose: the service's name
 *                          resolves to every container's address), so each address is an instance of its own
 * @param endSessionUri     the provider's end-session endpoint, only where its discovery document is not read
 *                          (compose); null otherwise
 */
@ConfigurationProperties("ntm.portal")
public record PortalProperties(URI villageUrl, URI criteriaUrl, URI reportingUrl, List<URI> villageUrls,
                               List<URI> criteriaUrls, List<URI> reportingUrls, boolean resolveAddresses,
                               URI endSessionUri) {

    /** The services the portal relays to, as named in its routes and its load balancer. */
    static final List<String> SERVICES = List.of("village", "criteria", "reporting");

    /** The base URLs of one service's instances: the list when given, else the single URL. */
    List<URI> instances(String service) {
        return switch (service) {
            case "village" -> listOrOne(villageUrls, villageUrl);
            case "criteria" -> listOrOne(criteriaUrls, criteriaUrl);
            case "reporting" -> listOrOne(reportingUrls, reportingUrl);
            default -> throw new IllegalArgumentException("no such service: " + service);
        };
    }

    private static List<URI> listOrOne(List<URI> urls, URI url) {
        if (urls != null && !urls.isEmpty()) {
            return List.copyOf(urls);
        }
        return url == null ? List.of() : List.of(url);
    }
}
