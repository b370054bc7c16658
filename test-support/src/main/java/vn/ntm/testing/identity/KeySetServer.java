package vn.ntm.testing.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' issuer as a service under test sees it: on loopback, only the discovery document and the public key
 * set, fetched over HTTP as a real provider's are. It has no token endpoint: tests sign their tokens in-process with
 * {@link #issuer()}.
 */
public final class KeySetServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final TokenIssuer issuer;

    private KeySetServer(HttpServer server, String audience) {
        this.server = server;
        this.issuer = new TokenIssuer("http://127.0.0.1:" + server.getAddress().getPort(), audience);
        server.createContext("/.well-known/openid-configuration", exchange -> send(exchange,
                JSON.writeValueAsString(Map.of("issuer", issuer.issuer(), "jwks_uri", jwkSetUri(),
                        "id_token_signing_alg_values_supported", List.of("RS256")))));
        server.createContext("/jwks.json", exchange -> send(exchange, issuer.jwkSet()));
        server.start();
    }

    /** Starts on a free loopback port. */
    public static KeySetServer start(String audience) {
        try {
            return new KeySetServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), audience);
        } catch (IOException e) {
            throw new UncheckedIOException("The tests' key set server could not listen", e);
        }
    }

    public TokenIssuer issuer() {
        return issuer;
    }

    /** The issuer URL ({@code iss}). */
    public String url() {
        return issuer.issuer();
    }

    public String jwkSetUri() {
        return url() + "/jwks.json";
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
