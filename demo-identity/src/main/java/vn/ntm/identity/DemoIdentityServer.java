package vn.ntm.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo identity provider: an OpenID issuer on loopback that hands a token to anyone who names a demo user. It
 * exists for the local run and the tests only; the services never contain it and, outside the local run, are pointed at
 * a real provider (README, "Access control").
 *
 * <ul>
 *   <li>{@code GET /.well-known/openid-configuration}: issuer, {@code jwks_uri}, {@code token_endpoint}</li>
 *   <li>{@code GET /jwks.json}: the public key the services verify tokens with</li>
 *   <li>{@code GET /users}: the demo users (the dashboard's sign-in list)</li>
 *   <li>{@code POST /token} with form field {@code username}: an access token for that user</li>
 * </ul>
 */
public final class DemoIdentityServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final TokenIssuer issuer;
    private final Map<String, DemoUser> users = new LinkedHashMap<>();

    private DemoIdentityServer(HttpServer server, String audience, List<DemoUser> users) {
        this.server = server;
        this.issuer = new TokenIssuer("http://127.0.0.1:" + server.getAddress().getPort(), audience);
        users.forEach(user -> this.users.put(user.username(), user));
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, 200, Map.of(
                "issuer", issuer.issuer(),
                "jwks_uri", issuer.issuer() + "/jwks.json",
                "token_endpoint", issuer.issuer() + "/token",
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            send(exchange, 200, issuer.jwkSet());
        });
        server.createContext("/users", exchange -> json(exchange, 200, this.users.values()));
        server.createContext("/token", this::token);
        server.start();
    }

    /** Starts on loopback; port 0 takes a free one. */
    public static DemoIdentityServer start(int port, String audience, List<DemoUser> users) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            return new DemoIdentityServer(server, audience, users);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo identity provider could not listen on port " + port, e);
        }
    }

    public TokenIssuer issuer() {
        return issuer;
    }

    public String url() {
        return issuer.issuer();
    }

    public String jwkSetUri() {
        return url() + "/jwks.json";
    }

    public Optional<DemoUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** A token for a demo user known to this server. */
    public String token(String username) {
        return issuer.token(user(username).orElseThrow(
                () -> new IllegalArgumentException("No demo user " + username + " (" + users.keySet() + ")")));
    }

    private void token(HttpExchange exchange) throws IOException {
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
            send(exchange, 204, "");
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            json(exchange, 405, Map.of("error", "invalid_request", "error_description", "POST a form"));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Optional<DemoUser> user = user(form.getOrDefault("username", ""));
        if (user.isEmpty()) {
            json(exchange, 400, Map.of("error", "invalid_grant", "error_description", "no such demo user"));
            return;
        }
        json(exchange, 200, Map.of("access_token", issuer.token(user.get()), "token_type", "Bearer",
                "expires_in", TokenIssuer.LIFETIME.toSeconds()));
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).filter(pair -> pair.contains("="))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8),
                        (first, second) -> second));
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, JSON.writeValueAsString(body));
    }

    /** Every answer may be read by the dashboard, which is served from another port. */
    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Content-Type");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
