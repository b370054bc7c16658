package vn.ntm.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ntm.testing.identity.DemoUser;

/**
 * The access matrix of one service: every endpoint under {@code /api} × every role × every scope relative to the
 * unit concerned, each with the status it must get. The endpoints come from the running service's request mappings,
 * so the test that uses this fails when an endpoint has no rule: a new endpoint cannot be forgotten.
 *
 * <p>An allowed request must not be refused with 401 or 403 (a read must answer 2xx, or 404 for a record the fixture
 * does not hold, such as a dead letter; a write is sent with an empty
 * body, so that it proves it got past access control by failing validation, and writes nothing). A refused one must
 * get exactly 403, and any request without a token 401.
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of("commune-officer", "analyst", "provincial-admin", "viewer");

    /** Where the caller's scope lies relative to the unit the request is about. */
    public enum Scope {
        /** the commune itself */
        OWN,
        /** one of its villages: a village's scope does not reach up to its commune */
        CHILD,
        /** its district: covers the commune */
        PARENT,
        /** another commune of the same district */
        OTHER_COMMUNE,
        /** a unit of another province */
        OTHER_PROVINCE,
        /** the commune asks about a commune merged into it (its history) */
        ACROSS_MERGER,
        /** the commune merged away asks about its successor */
        PREDECESSOR;

        /** Scopes that cover the unit concerned. */
        public static final Set<Scope> COVERING = EnumSet.of(OWN, PARENT, ACROSS_MERGER);
    }

    /** How an endpoint is guarded. */
    public enum Guard {
        /** the role, and the scope must cover the unit of {@code {unit}} in the call */
        UNIT,
        /** the role only (reference data, or units named in the body, checked by the handler) */
        ROLE,
        /** the role and a scope over the whole platform */
        WHOLE_PLATFORM
    }

    /**
     * @param call  method and path with placeholders ({@code {unit}}, {@code {plan}}, ...) filled from the fixture
     * @param roles the roles that may call it
     */
    public record Rule(String call, Set<String> roles, Guard guard) {

        public static Rule of(String call, Guard guard, String... roles) {
            return new Rule(call, Set.of(roles), guard);
        }

        String method() {
            return call.substring(0, call.indexOf(' '));
        }

        String path() {
            return call.substring(call.indexOf(' ') + 1);
        }
    }

    /**
     * The units of the test hierarchy and the placeholders of each target.
     *
     * @param scopes     the unit each scope stands for (its caller's {@code ntm_unit})
     * @param ofTarget   placeholders when the request is about the commune (all scopes but ACROSS_MERGER)
     * @param ofMerged   placeholders when the request is about the commune merged into it (ACROSS_MERGER)
     */
    public record Fixture(Map<Scope, String> scopes, Map<String, String> ofTarget, Map<String, String> ofMerged) {
    }

    /** One request of the matrix and what it got. */
    public record Outcome(String endpoint, String caller, String call, int expected, int status, String body) {

        public boolean wrong() {
            if (expected == 200) {
                return status == 401 || status == 403 || (call.startsWith("GET ") && status / 100 != 2 && status != 404);
            }
            return status != expected;
        }

        @Override
        public String toString() {
            return endpoint + " as " + caller + ": " + call + " expected " + (expected == 200 ? "allowed" : expected)
                    + " got " + status + " " + (body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    private AccessMatrix() {
    }

    /** The rules of the Kafka dead-letter endpoints every service has (service-support): platform administrators. */
    public static Map<String, Rule> deadLetterRules(String dlqTopic) {
        String admin = "provincial-admin";
        return Map.of(
                "GET /api/dead-letters", Rule.of("GET /api/dead-letters", Guard.WHOLE_PLATFORM, admin),
                "GET /api/dead-letters/{topic}/{partition}/{offset}",
                Rule.of("GET /api/dead-letters/" + dlqTopic + "/0/0", Guard.WHOLE_PLATFORM, admin),
                "POST /api/dead-letters/{topic}/{partition}/{offset}/replay",
                Rule.of("POST /api/dead-letters/" + dlqTopic + "/0/0/replay", Guard.WHOLE_PLATFORM, admin));
    }

    /** The rules of the Axon event-handler dead letters of the services with an event store: the same. */
    public static Map<String, Rule> eventHandlerDeadLetterRules() {
        String admin = "provincial-admin";
        return Map.of(
                "GET /api/dead-letters/event-handlers",
                Rule.of("GET /api/dead-letters/event-handlers", Guard.WHOLE_PLATFORM, admin),
                "GET /api/dead-letters/event-handlers/{processingGroup}/{id}",
                Rule.of("GET /api/dead-letters/event-handlers/g/1", Guard.WHOLE_PLATFORM, admin),
                "POST /api/dead-letters/event-handlers/{processingGroup}/{id}/replay",
                Rule.of("POST /api/dead-letters/event-handlers/g/1/replay", Guard.WHOLE_PLATFORM, admin));
    }

    /** Rules put together. */
    @SafeVarargs
    public static Map<String, Rule> rules(Map<String, Rule>... parts) {
        Map<String, Rule> all = new java.util.LinkedHashMap<>();
        for (Map<String, Rule> part : parts) {
            all.putAll(part);
        }
        return all;
    }

    /** Every endpoint of the service under {@code /api}, as {@code METHOD /path/{var}}. */
    public static Set<String> endpoints(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach((RequestMappingInfo info) -> {
                    Set<String> methods = new TreeSet<>();
                    info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
                    if (methods.isEmpty()) {
                        methods.add("ANY");
                    }
                    info.getPatternValues().stream().filter(p -> p.startsWith("/api"))
                            .forEach(p -> methods.forEach(m -> endpoints.add(m + " " + p)));
                }));
        return endpoints;
    }

    /** Runs every rule for every caller; returns every request and what it got. */
    public static List<Outcome> run(JsonHttp anonymous, Map<String, Rule> rules, Fixture fixture) {
        List<Outcome> outcomes = new ArrayList<>();
        rules.forEach((endpoint, rule) -> {
            outcomes.add(call(anonymous, endpoint, "no token", rule, fixture.ofTarget(), 401));
            for (String role : ROLES) {
                for (Scope scope : Scope.values()) {
                    DemoUser user = DemoUser.of(role + "@" + scope.name().toLowerCase(), role,
                            fixture.scopes().get(scope));
                    JsonHttp http = anonymous.withToken(TestIdentity.issuer().token(user));
                    Map<String, String> target = scope == Scope.ACROSS_MERGER ? fixture.ofMerged() : fixture.ofTarget();
                    boolean allowed = rule.roles().contains(role) && switch (rule.guard()) {
                        case UNIT -> Scope.COVERING.contains(scope);
                        case ROLE -> true;
                        case WHOLE_PLATFORM -> false;
                    };
                    outcomes.add(call(http, endpoint, user.username(), rule, target, allowed ? 200 : 403));
                }
                DemoUser operator = DemoUser.of(role + "@platform", role, DemoUser.WHOLE_PLATFORM);
                outcomes.add(call(anonymous.withToken(TestIdentity.issuer().token(operator)), endpoint,
                        operator.username(), rule, fixture.ofTarget(), rule.roles().contains(role) ? 200 : 403));
            }
        });
        return outcomes;
    }

    private static Outcome call(JsonHttp http, String endpoint, String caller, Rule rule, Map<String, String> values,
                                int expected) {
        String path = rule.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        JsonHttp.Response response = switch (rule.method()) {
            case "GET" -> http.get(path);
            default -> http.send(rule.method(), path, "application/json", "{}".getBytes());
        };
        return new Outcome(endpoint, caller, rule.method() + " " + path, expected, response.status(),
                response.body() == null ? "" : response.body());
    }
}
