package vn.ntm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON client for the services' REST APIs, acting as the platform operator's machine client
 * ({@code ntm-cli}: every role, the whole platform) with a real client-credentials token from the platform's identity
 * provider, renewed before it expires (a run lasts longer than a token).
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static volatile Supplier<String> tokens = () -> "";

    /** Every request from now on carries an access token from here (asked for each request; it caches). */
    static void authorize(Supplier<String> accessTokens) {
        tokens = accessTokens;
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        Response require(int... expected) {
            for (int code : expected) {
                if (status == code) {
                    return this;
                }
            }
            throw new IllegalStateException("Unexpected HTTP " + status + ": " + body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Response get(String url) {
        return send(request(url).GET().build());
    }

    Response post(String url, Object body) {
        return send(post(url, body, TIMEOUT));
    }

    CompletableFuture<Response> postAsync(String url, Object body) {
        return client.sendAsync(post(url, body, TIMEOUT), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.body()));
    }

    HttpClient client() {
        return client;
    }

    private HttpRequest post(String url, Object body, Duration timeout) {
        return request(url).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.get());
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP " + request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + request.uri(), e);
        }
    }
}
