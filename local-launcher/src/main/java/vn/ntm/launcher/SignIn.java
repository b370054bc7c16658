package vn.ntm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gets access tokens from the identity provider the way its real callers do, over HTTP: a person through the
 * portal's authorization-code flow with PKCE (the login form filled in with username and password, as a browser
 * would), a machine by client credentials. Each sign-in has a cookie jar of its own, so people never share a session.
 */
public final class SignIn {

    /** An access token and when it stops being valid. */
    public record Token(String value, Instant expiresAt) {

        /** Valid for at least {@code margin} more. */
        public boolean validFor(Duration margin) {
            return Instant.now().plus(margin).isBefore(expiresAt);
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern CSRF = Pattern.compile(
            "name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String issuer;
    private final String portalClientId;
    private final String portalSecret;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param issuer    the provider's base URL
     * @param portalUrl the portal's base URL: the code comes back to its callback, which this class reads from the
     *                  redirect without calling it (the portal need not run)
     */
    public SignIn(String issuer, String portalClientId, String portalSecret, String portalUrl) {
        this.issuer = issuer;
        this.portalClientId = portalClientId;
        this.portalSecret = portalSecret;
        this.redirectUri = portalUrl + "/login/oauth2/code/ntm";
    }

    /** Signs in on the login page and lets the portal's client redeem the code. */
    public Token person(String username, String password) {
        Map<String, String> cookies = new LinkedHashMap<>();
        String verifier = random();
        String state = random();
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", portalClientId);
        authorize.put("scope", "openid profile");
        authorize.put("redirect_uri", redirectUri);
        authorize.put("state", state);
        authorize.put("nonce", random());
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");

        URI loginPage = redirect(browse(get(URI.create(issuer + "/oauth2/authorize?" + form(authorize))), cookies),
                "the authorization request");
        HttpResponse<String> page = browse(get(loginPage), cookies);
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("The login page " + loginPage + " answered HTTP " + page.statusCode()
                    + " without a sign-in form");
        }
        URI afterLogin = redirect(browse(post(loginPage.resolve("/login"), null, Map.of("username", username,
                "password", password, "_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2))), cookies),
                "the sign-in of " + username);
        if (afterLogin.getQuery() != null && afterLogin.getQuery().contains("error")) {
            throw new IllegalArgumentException("The identity provider refused " + username + "'s password");
        }
        URI callback = redirect(browse(get(afterLogin), cookies), "the authorization of " + username);
        Map<String, String> answer = query(callback);
        if (!callback.toString().startsWith(redirectUri) || !state.equals(answer.get("state"))
                || !answer.containsKey("code")) {
            throw new IllegalStateException("The authorization of " + username + " ended at " + callback
                    + " instead of the portal's callback with a code");
        }
        return token(Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                "redirect_uri", redirectUri, "code_verifier", verifier), portalClientId, portalSecret, username);
    }

    /** Client credentials: a script's or a service's token. */
    public Token machine(String clientId, String secret) {
        return token(Map.of("grant_type", "client_credentials"), clientId, secret, clientId);
    }

    private Token token(Map<String, String> grant, String clientId, String secret, String who) {
        HttpResponse<String> response = send(post(URI.create(issuer + "/oauth2/token"), basic(clientId, secret),
                grant));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + who + ": HTTP " + response.statusCode() + " "
                    + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Token(body.path("access_token").asString(),
                Instant.now().plusSeconds(body.path("expires_in").asLong(60)));
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html").GET().build();
    }

    private static HttpRequest post(URI uri, String authorization, Map<String, String> fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /** Sends with the jar's cookies and keeps the ones the answer sets. */
    private HttpResponse<String> browse(HttpRequest request, Map<String, String> cookies) {
        HttpRequest withCookies = cookies.isEmpty() ? request : HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")))
                .build();
        HttpResponse<String> response = send(withCookies);
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            if (equals > 0) {
                cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return response;
    }

    private static URI redirect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(what + " answered HTTP " + response.statusCode() + " instead of a redirect: "
                    + response.body());
        }
        return response.request().uri().resolve(response.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException(what + " redirected nowhere")));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The identity provider at " + issuer + " did not answer "
                    + request.method() + " " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signing in", e);
        }
    }

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((encode(clientId) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No SHA-256 in this JVM", e);
        }
    }
}
