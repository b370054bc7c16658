package vn.ntm.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.ntm.testing.identity.DemoUser;

/**
 * The access matrix of one service: every endpoint under {@code /api} × every role × every scope relative to the
 * unit concerned, each with the status it must get. The endpoints come from the running service's request mappings,
 * so the test that uses this fails when an endpoint has no rule: a new endpoint cannot be forgotten.
 *
 * <p>Every request is a <em>valid</em> one, built for the unit of its case: the path and the {@linkplain Rule#body
 * body} name the target unit (a unit registered under it, the units merged or split, the province a set is
 * published for), so a scope check on a unit named in the body is exercised like one on the path. An allowed request
 * must answer 2xx: a 500, or a 4xx because the request was not in fact valid, fails the matrix. An allowed write
 * changes state (a merged unit is gone), so a rule marked {@link Rule#fresh()} runs each allowed call against a
 * {@linkplain Fixture#fresh fresh fixture}. A refused request, the same valid request, must get exactly 403, and
 * any request without a token 401; if the fixture gives a {@linkplain Fixture#recorded() probe of what is
 * recorded}, a refused request must also leave it unchanged.
 *
 * <p>About 320 lines on purpose: a rule's builder (body templates, fresh targets, the scopes that may make a
 * request, its exceptions) and the pass rule that reads them are one contract; the dead-letter rules live in
 * {@link DeadLetterFixture}.
 */
public final class AccessMatrix {

    public static final List<String> ROLES = List.of("commune-officer", "analyst", "provincial-admin", "viewer");

    private static final AtomicInteger FIGURES = new AtomicInteger();

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
        PREDECESSOR,
        /** its province: covers the commune and everything else in the province */
        PROVINCE;

        /** Scopes that cover the unit concerned. */
        public static final Set<Scope> COVERING = EnumSet.of(OWN, PARENT, ACROSS_MERGER, PROVINCE);
    }

    /** How an endpoint is guarded. */
    public enum Guard {
        /** the role, and the scope must cover the unit(s) the request names, in its path or its body */
        UNIT,
        /** the role only (reference data) */
        ROLE,
        /** the role and a scope over the whole platform */
        WHOLE_PLATFORM
    }

    /**
     * One endpoint's rule and the valid request that puts it to the test.
     *
     * @param call     method and path with placeholders ({@code {unit}}, {@code {plan}}, ...) filled from the fixture
     * @param roles    the roles that may call it
     * @param guard    how it is guarded
     * @param covering for {@link Guard#UNIT}: the scopes whose caller may make this request (by default
     *                 {@link Scope#COVERING}; fewer where the request names units beyond the target, e.g. a merger
     *                 into the neighbour commune needs the district)
     * @param contentType the body's type ({@code application/json} unless given)
     * @param body     the body template, placeholders filled like the path's, {@code {fresh}} with 8 new hex
     *                 digits per request and {@code {figure}} with a number from 50 to 99.99 that differs from one
     *                 request to the next (so that a figure is not refused as one already recorded); {@code null}
     *                 for none
     * @param freshEach whether each allowed call needs a fresh fixture, because the call changes what it acts on
     * @param allowed  the status an allowed call must get: 200 for any 2xx, another only for a {@code gap}
     * @param gap      why an allowed call cannot be given a request that succeeds ({@code null}: it can)
     * @param outcomes what an allowed caller of a scope gets instead of 2xx, where no valid request exists for that
     *                 scope ({@link #except}): the status, and why
     */
    public record Rule(String call, Set<String> roles, Guard guard, Set<Scope> covering, String contentType,
                       String body, boolean freshEach, int allowed, String gap,
                       Map<Scope, Map.Entry<Integer, String>> outcomes) {

        public static Rule of(String call, Guard guard, String... roles) {
            return new Rule(call, Set.of(roles), guard, Scope.COVERING, null, null, false, 200, null, Map.of());
        }

        /** The request's JSON body (a template, see {@link Rule}). */
        public Rule body(String template) {
            return body("application/json", template);
        }

        /** The request's body of another type, e.g. a multipart form (a template, see {@link Rule}). */
        public Rule body(String contentType, String template) {
            return new Rule(call, roles, guard, covering, contentType, template, freshEach, allowed, gap, outcomes);
        }

        /** Each allowed call runs against a {@linkplain Fixture#fresh fresh fixture}. */
        public Rule fresh() {
            return new Rule(call, roles, guard, covering, contentType, body, true, allowed, gap, outcomes);
        }

        /** Only callers of these scopes (and the whole platform) are allowed: the request names more units. */
        public Rule coveredBy(Scope... scopes) {
            Set<Scope> only = scopes.length == 0 ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(List.of(scopes));
            return new Rule(call, roles, guard, only, contentType, body, freshEach, allowed, gap, outcomes);
        }

        /**
         * A known gap: the fixture cannot hold what would make an allowed call succeed (say, a parked event), so an
         * allowed call must get exactly {@code status}; still distinct from 401 and 403.
         */
        public Rule allowedAnswers(int status, String because) {
            return new Rule(call, roles, guard, covering, contentType, body, freshEach, status, because, outcomes);
        }

        /**
         * For callers of {@code scope}, who pass access control, no valid request exists (say, a change to the commune
         * merged away, which has ended): they must get exactly {@code status}, for the reason given.
         */
        public Rule except(Scope scope, int status, String because) {
            Map<Scope, Map.Entry<Integer, String>> more = new java.util.EnumMap<>(Scope.class);
            more.putAll(outcomes);
            more.put(scope, Map.entry(status, because));
            return new Rule(call, roles, guard, covering, contentType, body, freshEach, allowed, gap,
                    Map.copyOf(more));
        }

        int expectedWhenAllowed(Scope scope) {
            return scope != null && outcomes.containsKey(scope) ? outcomes.get(scope).getKey() : allowed;
        }

        String method() {
            return call.substring(0, call.indexOf(' '));
        }

        String path() {
            return call.substring(call.indexOf(' ') + 1);
        }

        boolean allows(String role, Scope scope) {
            return roles.contains(role) && switch (guard) {
                case UNIT -> covering.contains(scope);
                case ROLE -> true;
                case WHOLE_PLATFORM -> false;
            };
        }
    }

    /**
     * The units of the test hierarchy and the placeholders of each target.
     *
     * @param scopes   the unit each scope stands for (its caller's {@code ntm_unit})
     * @param ofTarget placeholders when the request is about the commune (all scopes but ACROSS_MERGER)
     * @param ofMerged placeholders when the request is about the commune merged into it (ACROSS_MERGER)
     * @param next     makes a fresh fixture for an allowed call of a {@link Rule#fresh()} rule, given the rule's
     *                 endpoint ({@code null}: this one again)
     * @param recorded what the service has recorded (say, its count of stored events), compared before and after
     *                 each refused request ({@code null}: not compared)
     */
    public record Fixture(Map<Scope, String> scopes, Map<String, String> ofTarget, Map<String, String> ofMerged,
                          Function<String, Fixture> next, Supplier<Object> recorded) {

        public Fixture(Map<Scope, String> scopes, Map<String, String> ofTarget, Map<String, String> ofMerged) {
            this(scopes, ofTarget, ofMerged, null, null);
        }

        /** This fixture, making a fresh one with {@code next} for each allowed call of a fresh rule. */
        public Fixture withFresh(Function<String, Fixture> next) {
            return new Fixture(scopes, ofTarget, ofMerged, next, recorded);
        }

        /** This fixture, checking with {@code recorded} that no refused request records anything. */
        public Fixture withRecorded(Supplier<Object> recorded) {
            return new Fixture(scopes, ofTarget, ofMerged, next, recorded);
        }

        /** A fresh fixture for a call of {@code endpoint}, or this one when there is no way to make one. */
        public Fixture fresh(String endpoint) {
            return next == null ? this : next.apply(endpoint);
        }

        Map<String, String> target(Scope scope) {
            return scope == Scope.ACROSS_MERGER ? ofMerged : ofTarget;
        }
    }

    /** One request of the matrix and what it got. */
    public record Outcome(String endpoint, String caller, String call, int expected, int status, String body) {

        /** Allowed (200) means any 2xx; any other expectation means exactly that status. */
        public boolean wrong() {
            return expected == 200 ? status / 100 != 2 : status != expected;
        }

        @Override
        public String toString() {
            return endpoint + " as " + caller + ": " + call + " expected " + (expected == 200 ? "2xx" : expected)
                    + " got " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    private AccessMatrix() {
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
            outcomes.add(refused(anonymous, endpoint, "no token", rule, fixture, fixture.ofTarget(), 401));
            for (String role : ROLES) {
                for (Scope scope : Scope.values()) {
                    outcomes.add(rule.allows(role, scope)
                            ? allowed(anonymous, endpoint, role, scope, rule, fixture)
                            : refused(as(anonymous, role, scope, fixture), endpoint, caller(role, scope), rule,
                                    fixture, fixture.target(scope), 403));
                }
                if (rule.roles().contains(role)) {
                    outcomes.add(allowed(anonymous, endpoint, role, null, rule, fixture));
                } else {
                    outcomes.add(refused(as(anonymous, role, null, fixture), endpoint, caller(role, null), rule,
                            fixture, fixture.ofTarget(), 403));
                }
            }
        });
        return outcomes;
    }

    private static Outcome allowed(JsonHttp anonymous, String endpoint, String role, Scope scope, Rule rule,
                                   Fixture shared) {
        Fixture fixture = rule.freshEach() ? shared.fresh(endpoint) : shared;
        Map<String, String> target = scope == null ? fixture.ofTarget() : fixture.target(scope);
        return call(as(anonymous, role, scope, fixture), endpoint, caller(role, scope), rule, target,
                rule.expectedWhenAllowed(scope));
    }

    private static Outcome refused(JsonHttp http, String endpoint, String caller, Rule rule, Fixture fixture,
                                   Map<String, String> target, int expected) {
        Object before = fixture.recorded() == null ? null : fixture.recorded().get();
        Outcome outcome = call(http, endpoint, caller, rule, target, expected);
        if (before != null && !before.equals(fixture.recorded().get())) {
            return new Outcome(endpoint, caller, outcome.call(), expected, outcome.status(),
                    "refused, yet recorded something: " + outcome.body());
        }
        return outcome;
    }

    private static JsonHttp as(JsonHttp anonymous, String role, Scope scope, Fixture fixture) {
        DemoUser user = DemoUser.of(caller(role, scope), role,
                scope == null ? DemoUser.WHOLE_PLATFORM : fixture.scopes().get(scope));
        return anonymous.withToken(TestIdentity.issuer().token(user));
    }

    private static String caller(String role, Scope scope) {
        return role + "@" + (scope == null ? "platform" : scope.name().toLowerCase());
    }

    private static Outcome call(JsonHttp http, String endpoint, String caller, Rule rule, Map<String, String> values,
                                int expected) {
        String fresh = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String path = fill(rule.path(), values, fresh);
        JsonHttp.Response response = switch (rule.method()) {
            case "GET" -> http.get(path);
            default -> http.send(rule.method(), path, rule.contentType(),
                    rule.body() == null ? null : fill(rule.body(), values, fresh).getBytes(StandardCharsets.UTF_8));
        };
        return new Outcome(endpoint, caller, rule.method() + " " + path, expected, response.status(),
                response.body() == null ? "" : response.body());
    }

    private static String fill(String template, Map<String, String> values, String fresh) {
        String figure = BigDecimal.valueOf(5000 + FIGURES.getAndIncrement() % 5000, 2).toPlainString();
        String filled = template.replace("{fresh}", fresh).replace("{figure}", figure);
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }
}
