package vn.ntm.portal;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.filter.TokenRelayFilterFunctions.tokenRelay;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /village/api/…}, {@code /criteria/api/…} and {@code /reporting/api/…} go to that service's {@code /api/…}
 * with the user's access token as a bearer token (refreshed when it has expired). The session cookie and the CSRF
 * header stay here: the services are stateless resource servers and see only the token.
 */
@Configuration(proxyBeanMethods = false)
class ServiceRoutes {

    /** The prefixes the browser uses, one per service. */
    static final List<String> PREFIXES = List.of("/village/", "/criteria/", "/reporting/");

    @Bean
    RouterFunction<ServerResponse> villageRoute(PortalProperties services) {
        return relay("village", services.villageUrl());
    }

    @Bean
    RouterFunction<ServerResponse> criteriaRoute(PortalProperties services) {
        return relay("criteria", services.criteriaUrl());
    }

    @Bean
    RouterFunction<ServerResponse> reportingRoute(PortalProperties services) {
        return relay("reporting", services.reportingUrl());
    }

    private static RouterFunction<ServerResponse> relay(String service, URI target) {
        return route(service)
                .route(path("/" + service + "/api/**"), http())
                .before(uri(target))
                .before(stripPrefix(1))
                .before(removeRequestHeader("Cookie"))
                .before(removeRequestHeader("X-XSRF-TOKEN"))
                .filter(tokenRelay())
                .build();
    }
}
