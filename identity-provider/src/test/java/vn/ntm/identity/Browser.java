package vn.ntm.identity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does on the provider's pages, over plain HTTP: keeps cookies, never follows a redirect by itself
 * (the tests look at each one), asks for HTML like a browser does.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml").GET().build());
    }

    /** As a program asks: JSON. */
    HttpResponse<String> getJson(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET().build());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    /** A back-channel call of a client that authenticates with its id and secret (HTTP Basic). */
    HttpResponse<String> postAsClient(URI uri, String clientId, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    /** Where a redirect goes, resolved against the request it answered. */
    static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("No redirect (HTTP " + response.statusCode() + "): " + response.body()));
        return response.request().uri().resolve(location);
    }

    static String csrfToken(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token in the page:\n" + html);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                parameters.put(decode(equals < 0 ? pair : pair.substring(0, equals)),
                        equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
