package vn.ntm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads demo history the way its users would: a list of HTTP requests to the services' public APIs, kept as data in
 * a JSON resource, each sent with the access token of the demo user the step names ({@code "as"}: signed in with
 * the user's password), or with the operator's machine token when it names none. A 409 Conflict means the record is
 * already there, so loading the same demo twice is harmless.
 */
public final class DemoLoader {

    /** Song Vân as Plan 30/KH-UBND of 5/3/2024 describes it: units, criteria sets, a measurement, the plan itself. */
    public static final String SONG_VAN = "demo/song-van.json";
    /** The 1/7/2025 merger of Song Vân and four neighbours into xã Ngọc Thiện, Bắc Ninh; load after SONG_VAN. */
    public static final String MERGER_2025 = "demo/ngoc-thien-2025.json";

    private static final Duration WAIT_FOR_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, String> baseUrls;
    private final Supplier<String> machineToken;
    private final UnaryOperator<String> userTokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param baseUrls     base URL of each service by the name steps use: village, criteria, reporting
     * @param machineToken the operator's machine token (every role, the whole platform: it registers units and
     *                     publishes the national sets), for the steps that name no user
     * @param userTokens   an access token for a demo user's name
     */
    public DemoLoader(Map<String, String> baseUrls, Supplier<String> machineToken, UnaryOperator<String> userTokens) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.machineToken = machineToken;
        this.userTokens = userTokens;
    }

    public record Summary(int created, int alreadyPresent) {

        /** Both loads together. */
        public Summary plus(Summary other) {
            return new Summary(created + other.created, alreadyPresent + other.alreadyPresent);
        }

        @Override
        public String toString() {
            return "created " + created + ", already present " + alreadyPresent;
        }
    }

    /** Sends every step of the classpath resource in order; the first step that fails aborts the load. */
    public Summary load(String resource) {
        JsonNode steps = JSON.readTree(readResource(resource)).path("steps");
        int created = 0;
        int alreadyPresent = 0;
        int number = 0;
        for (JsonNode step : steps) {
            number++;
            if (step.has("skipIfPresent") && present(step.path("skipIfPresent"))) {
                // the record is there, and its author may no longer be allowed to send it again (Song Vân's officer
                // has no scope once the 2025 merger is loaded): a second load skips it rather than asking
                alreadyPresent++;
                continue;
            }
            if (step.has("waitFor")) {
                awaitPresent(step.path("waitFor"));
            }
            HttpResponse<String> response = send(step);
            if (response.statusCode() == 409) {
                alreadyPresent++;
            } else if (response.statusCode() / 100 == 2) {
                created++;
            } else {
                throw new IllegalStateException("Demo step " + number + " (" + describe(step) + ") in " + resource
                        + " failed with HTTP " + response.statusCode() + ": " + response.body());
            }
        }
        return new Summary(created, alreadyPresent);
    }

    private HttpResponse<String> send(JsonNode step) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(step)).timeout(REQUEST_TIMEOUT)
                .method(step.path("method").asString("POST"), body(step));
        if (step.has("body") || step.has("bodyResource")) {
            request.header("Content-Type", step.path("contentType").asString("application/json"));
        }
        request.header("Authorization", "Bearer " + token(step));
        return exchange(request.build(), describe(step));
    }

    private HttpRequest.BodyPublisher body(JsonNode step) {
        if (step.has("bodyResource")) {
            return HttpRequest.BodyPublishers.ofString(readResource(step.path("bodyResource").asString()));
        }
        if (step.has("body")) {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(step.path("body")));
        }
        return HttpRequest.BodyPublishers.noBody();
    }

    /** Services learn from each other through Kafka, so a step may have to wait until another service caught up. */
    private void awaitPresent(JsonNode waitFor) {
        HttpRequest request = HttpRequest.newBuilder(uri(waitFor)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token(waitFor))
                .GET().build();
        Instant deadline = Instant.now().plus(WAIT_FOR_TIMEOUT);
        String what = "GET " + waitFor.path("path").asString() + " on " + waitFor.path("service").asString();
        while (exchange(request, what).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not answer 200 within " + WAIT_FOR_TIMEOUT);
            }
            pause();
        }
    }

    /**
     * Whether a step's record already exists, asked as the operator: the resource answers 200 (and, with
     * {@code nonEmpty}, holds at least one entry).
     */
    private boolean present(JsonNode check) {
        HttpRequest request = HttpRequest.newBuilder(uri(check)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + machineToken.get()).GET().build();
        HttpResponse<String> response = exchange(request, "GET " + check.path("path").asString());
        if (response.statusCode() != 200) {
            return false;
        }
        return !check.path("nonEmpty").asBoolean(false) || !JSON.readTree(response.body()).isEmpty();
    }

    private String token(JsonNode step) {
        return step.hasNonNull("as") ? userTokens.apply(step.path("as").asString()) : machineToken.get();
    }

    private URI uri(JsonNode step) {
        String service = step.path("service").asString();
        String baseUrl = baseUrls.get(service);
        if (baseUrl == null) {
            throw new IllegalArgumentException("Unknown service '" + service + "' in demo step: " + step);
        }
        return URI.create(baseUrl + step.path("path").asString());
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Demo request " + what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during demo request " + what, e);
        }
    }

    private static String describe(JsonNode step) {
        return step.path("method").asString("POST") + " " + step.path("path").asString()
                + " on " + step.path("service").asString();
    }

    /** The interval between two polls of a condition that has its own deadline. */
    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    private static String readResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : DemoLoader.class.getClassLoader()).getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + name, e);
        }
    }
}
