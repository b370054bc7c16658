package vn.ntm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests that talk JSON to a running service, the way any client would. */
public final class JsonHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public JsonHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A copy of this client that sends one more header on every request. */
    public JsonHttp with(String header, String value) {
        JsonHttp copy = new JsonHttp(baseUrl);
        copy.headers.putAll(headers);
        copy.headers.put(header, value);
        return copy;
    }

    /** A copy of this client that sends the access token on every request. */
    public JsonHttp withToken(String token) {
        return with("Authorization", "Bearer " + token);
    }

    /** A copy of this client acting as {@link TestIdentity#OPERATOR}. */
    public JsonHttp asOperator() {
        return withToken(TestIdentity.operatorToken());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), null);
    }

    public Response post(String path, Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)), text);
    }

    /**
     * Any request, as a hostile or careless client might send it: any method, any (or no) {@code Content-Type}, any
     * bytes (or none). The path is used as given, so it must already be percent-encoded.
     */
    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder, null);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private Response send(HttpRequest.Builder builder, String sent) {
        headers.forEach(builder::header);
        builder.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = client.send(builder.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP to " + baseUrl + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** The problem type slug of an RFC 9457 body, without the urn prefix. */
        public String problemType() {
            return json().path("type").asString("").replace("urn:ntm:problem:", "");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
