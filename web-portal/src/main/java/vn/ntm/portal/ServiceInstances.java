package vn.ntm.portal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;

/**
 * The instances of each service, for Spring Cloud LoadBalancer to choose from: one per configured base URL, or, with
 * {@code ntm.portal.resolve-addresses} (docker compose, where {@code criteria-service} names every scaled container),
 * one per address the name resolves to now. A name that does not resolve yields no instance; the load balancer then
 * answers 503.
 */
final class ServiceInstances implements DiscoveryClient {

    private final PortalProperties portal;

    ServiceInstances(PortalProperties portal) {
        this.portal = portal;
    }

    @Override
    public String description() {
        return "the services' base URLs from ntm.portal.*";
    }

    @Override
    public List<String> getServices() {
        return PortalProperties.SERVICES;
    }

    @Override
    public List<ServiceInstance> getInstances(String service) {
        if (!PortalProperties.SERVICES.contains(service)) {
            return List.of();
        }
        List<ServiceInstance> instances = new ArrayList<>();
        for (URI url : portal.instances(service)) {
            for (String host : hosts(url)) {
                instances.add(new DefaultServiceInstance(service + "@" + host + ":" + port(url), service, host,
                        port(url), "https".equalsIgnoreCase(url.getScheme())));
            }
        }
        return instances;
    }

    private List<String> hosts(URI url) {
        if (!portal.resolveAddresses()) {
            return List.of(url.getHost());
        }
        try {
            List<String> addresses = new ArrayList<>();
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                String host = address.getHostAddress();
                addresses.add(host.contains(":") ? "[" + host + "]" : host); // IPv6 in a URL needs brackets
            }
            return addresses;
        } catch (UnknownHostException e) {
            return List.of(); // every container of the service is gone: no instance
        }
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
