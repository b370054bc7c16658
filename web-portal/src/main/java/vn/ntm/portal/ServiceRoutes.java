package vn.ntm.portal;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.LoadBalancerFilterFunctions.lb;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /village/api/…}, {@code /criteria/api/…} and {@code /reporting/api/…} go to that service's {@code /api/…}
 * with the user's access token as a bearer token (refreshed when it has expired). The session cookie and the CSRF
 * header stay here: the services are stateless resource servers and see only the token.
 *
 * <p>Each service may run as several instances ({@code ntm.portal.village-urls} and so on): Spring Cloud LoadBalancer
 * chooses one per request, round robin, and {@link Failover} tries another when the one chosen does not answer.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** The prefixes the browser uses, one per service. */
    static final List<String> PREFIXES = List.of("/village/", "/criteria/", "/reporting/");

    /** The load balancer's instances of each service, from {@link PortalProperties}. */
    @Bean
    DiscoveryClient serviceInstances(PortalProperties services) {
        return new ServiceInstances(services);
    }

    @Bean
    Failover failover(@Value("${ntm.portal.attempts:3}") int attempts) {
        return new Failover(attempts);
    }

    @Bean
    RouterFunction<ServerResponse> villageRoute(Failover failover) {
        return relay("village", failover);
    }

    @Bean
    RouterFunction<ServerResponse> criteriaRoute(Failover failover) {
        return relay("criteria", failover);
    }

    @Bean
    RouterFunction<ServerResponse> reportingRoute(Failover failover) {
        return relay("reporting", failover);
    }

    private static RouterFunction<ServerResponse> relay(String service, Failover failover) {
        return route(service)
                .route(path("/" + service + "/api/**"), http())
                .before(stripPrefix(1))
                .before(removeRequestHeader("Cookie"))
                .before(removeRequestHeader("X-XSRF-TOKEN"))
                .filter(tokenRelay())
                .filter(failover) // around lb(): every attempt chooses an instance again
                .filter(lb(service))
                .build();
    }
}
