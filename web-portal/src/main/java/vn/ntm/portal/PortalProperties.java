package vn.ntm.portal;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are ({@code ntm.portal.*}; environment {@code NTM_PORTAL_VILLAGE_URL} and so on).
 *
 * @param villageUrl   village-service's base URL
 * @param criteriaUrl  criteria-service's base URL
 * @param reportingUrl reporting-service's base URL
 * @param endSessionUri the provider's end-session endpoint, only where its discovery document is not read (compose);
 *                      null otherwise
 */
@ConfigurationProperties("ntm.portal")
public record PortalProperties(URI villageUrl, URI criteriaUrl, URI reportingUrl, URI endSessionUri) {
}
