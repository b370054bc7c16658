package vn.ntm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider as its callers meet it, over real HTTP on a random port: a machine's client-credentials token, a
 * person's sign-in through the portal's authorization-code flow with PKCE (as a browser does it, cookie jar and CSRF
 * token included), a wrong password, sign-out. Each test names the broken implementation it is there to catch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the issuer is the URL the provider is called on: the port is not known before it starts
        "ntm.identity.issuer=",
        "ntm.identity.show-demo-accounts=true",
        "ntm.identity.portal.urls=http://127.0.0.1:8080, http://localhost:8080/"})
class IdentityProviderIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PORTAL_CALLBACK = "http://127.0.0.1:8080/login/oauth2/code/ntm";
    private static final String NGOC_THIEN = "598bc358-0b8c-556d-b77e-200638ed14af";
    private static final StringKeyGenerator RANDOM_TEXT =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 32);

    @LocalServerPort
    int port;

    private final Browser browser = new Browser();

    /**
     * Catches: a token customizer that only handles people (a machine token with no roles or unit would be refused
     * everywhere), {@code aud} left as the client id alone (every service answers 401), a machine client registered
     * without its secret being checked.
     */
    @Test
    void theOperatorsMachineClientGetsATokenWithEveryRoleForTheWholePlatform() throws Exception {
        JWTClaimsSet claims = verified(clientCredentials("ntm-cli", "ntm-cli-secret").path("access_token").asString());

        assertThat(claims.getIssuer()).isEqualTo(baseUrl());
        assertThat(claims.getAudience()).contains("ntm-platform");
        assertThat(claims.getSubject()).isEqualTo("ntm-cli");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("ntm-cli");
        assertThat(claims.getJSONObjectClaim("realm_access").get("roles"))
                .isEqualTo(List.of("commune-officer", "analyst", "provincial-admin", "viewer"));
        assertThat(claims.getStringClaim("ntm_unit")).isEqualTo("*");
        assertThat(claims.getExpirationTime()).isNotNull();

        JWTClaimsSet commune = verified(clientCredentials("xa-ngoc-thien", "xa-ngoc-thien-secret")
                .path("access_token").asString());
        assertThat(commune.getJSONObjectClaim("realm_access").get("roles")).isEqualTo(List.of("commune-officer"));
        assertThat(commune.getStringClaim("ntm_unit")).isEqualTo(NGOC_THIEN);

        assertThat(browser.postAsClient(endpoint("/oauth2/token"), "ntm-cli", "wrong-secret",
                Map.of("grant_type", "client_credentials")).statusCode()).isEqualTo(401);
    }

    /**
     * Catches: a login page whose form the security filter does not accept (fields named otherwise, no CSRF token),
     * a portal client that does not go back to the authorization after sign-in, people's tokens without the claims
     * the services read, an ID token without the names the portal shows, refresh tokens that are reused.
     */
    @Test
    void anOfficerSignsInOnTheLoginPageAndThePortalGetsATokenWithHerRoleAndCommune() throws Exception {
        SignIn signIn = signIn("can-bo-ngoc-thien", "demo");
        JsonNode tokens = signIn.exchangeCode();

        JWTClaimsSet access = verified(tokens.path("access_token").asString());
        assertThat(access.getIssuer()).isEqualTo(baseUrl());
        assertThat(access.getAudience()).contains("ntm-platform");
        assertThat(access.getSubject()).isEqualTo("can-bo-ngoc-thien");
        assertThat(access.getStringClaim("preferred_username")).isEqualTo("can-bo-ngoc-thien");
        assertThat(access.getStringClaim("name")).isEqualTo("Cán bộ xã Ngọc Thiện");
        assertThat(access.getJSONObjectClaim("realm_access").get("roles")).isEqualTo(List.of("commune-officer"));
        assertThat(access.getStringClaim("ntm_unit")).isEqualTo(NGOC_THIEN);
        assertThat(tokens.path("expires_in").asLong()).isBetween(290L, 300L);

        JWTClaimsSet id = verified(tokens.path("id_token").asString());
        assertThat(id.getAudience()).containsExactly("ntm-portal");
        assertThat(id.getStringClaim("name")).isEqualTo("Cán bộ xã Ngọc Thiện");
        assertThat(id.getStringClaim("preferred_username")).isEqualTo("can-bo-ngoc-thien");
        assertThat(id.getStringClaim("nonce")).isEqualTo(signIn.nonce);

        String refreshToken = tokens.path("refresh_token").asString();
        JsonNode refreshed = JSON.readTree(browser.postAsClient(endpoint("/oauth2/token"), "ntm-portal",
                "ntm-portal-secret", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken)).body());
        assertThat(verified(refreshed.path("access_token").asString()).getStringClaim("ntm_unit")).isEqualTo(NGOC_THIEN);
        assertThat(refreshed.path("refresh_token").asString()).isNotBlank().isNotEqualTo(refreshToken);
    }

    /**
     * Catches: a failure that still lets the authorization go on (a code for a wrong password), an error the person
     * cannot read (English, or no message at all on the page).
     */
    @Test
    void aWrongPasswordShowsTheVietnameseErrorAndIssuesNoCode() {
        SignIn attempt = startSignIn();
        HttpResponse<String> failed = browser.post(endpoint("/login"), Map.of("username", "can-bo-ngoc-thien",
                "password", "sai-mat-khau", "_csrf", Browser.csrfToken(attempt.loginPage.body())));

        URI next = Browser.location(failed);
        assertThat(next.getPath()).isEqualTo("/login");
        assertThat(next.getQuery()).isEqualTo("error");
        HttpResponse<String> page = browser.get(next);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sai tên đăng nhập hoặc mật khẩu.").contains("id=\"username\"");
        // still not signed in: the authorization request goes back to the login page, never to the portal
        HttpResponse<String> again = browser.get(attempt.authorizeUri);
        assertThat(Browser.location(again).toString()).doesNotStartWith(PORTAL_CALLBACK).endsWith("/login");
    }

    /** Catches: a portal client registered without {@code requireProofKey}: a stolen code would be redeemable. */
    @Test
    void anAuthorizationRequestWithoutPkceIsRefused() {
        signIn("can-bo-ngoc-thien", "demo");
        Map<String, String> parameters = authorizationParameters("state-without-pkce", "nonce");
        HttpResponse<String> refused = browser.get(endpoint("/oauth2/authorize?" + Browser.form(parameters)));

        URI answer = Browser.location(refused);
        assertThat(answer.toString()).startsWith(PORTAL_CALLBACK);
        assertThat(Browser.query(answer)).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    /**
     * Catches: RP-initiated logout switched off or not ending the provider's session (the next sign-in would pass
     * without a password), a post-logout redirect that ignores the portal's URI, a sign-out without a word.
     */
    @Test
    void signingOutFromThePortalEndsTheSessionAndReturnsToThePortal() throws Exception {
        JsonNode discovery = JSON.readTree(browser.getJson(endpoint("/.well-known/openid-configuration")).body());
        URI endSession = URI.create(discovery.path("end_session_endpoint").asString());
        SignIn signIn = signIn("van-hanh", "demo");
        String idToken = signIn.exchangeCode().path("id_token").asString();

        HttpResponse<String> signedOut = browser.get(URI.create(endSession + "?" + Browser.form(Map.of(
                "id_token_hint", idToken, "post_logout_redirect_uri", "http://127.0.0.1:8080/", "state", "bye"))));
        assertThat(Browser.location(signedOut)).isEqualTo(URI.create("http://127.0.0.1:8080/?state=bye"));
        assertThat(Browser.location(browser.get(startSignIn().authorizeUri)).getPath()).isEqualTo("/login");

        // signed out without a way back: the login page says so
        String secondIdToken = signIn("van-hanh", "demo").exchangeCode().path("id_token").asString();
        HttpResponse<String> plain = browser.get(URI.create(endSession + "?" + Browser.form(Map.of(
                "id_token_hint", secondIdToken))));
        assertThat(browser.get(Browser.location(plain)).body()).contains("Đã đăng xuất.");
    }

    /**
     * Catches: a login page in the JVM's or the browser's language instead of Vietnamese, fields the browser tests
     * cannot find, a demo table that leaks when it should not be shown (or is missing when asked for).
     */
    @Test
    void theLoginPageIsVietnameseFirstWithTheDemoAccountsAndEnglishOnRequest() {
        HttpResponse<String> page = browser.get(endpoint("/login"));
        assertThat(page.body()).contains("<html lang=\"vi\"", "Đăng nhập", "Tên đăng nhập", "Mật khẩu",
                "id=\"username\"", "id=\"password\"", "id=\"sign-in\"", "?lang=en",
                "can-bo-ngoc-thien", "Cán bộ xã Ngọc Thiện", "Quản trị cấp tỉnh", "demo");

        HttpResponse<String> english = browser.get(endpoint("/login?lang=en"));
        assertThat(english.body()).contains("<html lang=\"en\"", "Sign in", "Username", "Password", "Commune officer");
        assertThat(browser.get(endpoint("/login?error")).body()).as("the language stays chosen")
                .contains("Wrong username or password.");
        assertThat(browser.getJson(endpoint("/actuator/health/readiness")).body()).contains("\"UP\"");
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One run of the portal's side of the authorization-code flow, with its PKCE verifier and nonce. */
    private final class SignIn {
        final String verifier = random();
        final String state = random();
        final String nonce = random();
        final URI authorizeUri;
        HttpResponse<String> loginPage;
        String code;

        SignIn() {
            Map<String, String> parameters = authorizationParameters(state, nonce);
            parameters.put("code_challenge", challenge(verifier));
            parameters.put("code_challenge_method", "S256");
            authorizeUri = endpoint("/oauth2/authorize?" + Browser.form(parameters));
        }

        JsonNode exchangeCode() {
            HttpResponse<String> answer = browser.postAsClient(endpoint("/oauth2/token"), "ntm-portal",
                    "ntm-portal-secret", Map.of("grant_type", "authorization_code", "code", code,
                            "redirect_uri", PORTAL_CALLBACK, "code_verifier", verifier));
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }
    }

    /** GET authorize without a session: sent to the login page, which is fetched. */
    private SignIn startSignIn() {
        SignIn signIn = new SignIn();
        HttpResponse<String> toLogin = browser.get(signIn.authorizeUri);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        URI login = Browser.location(toLogin);
        assertThat(login.getPath()).isEqualTo("/login");
        signIn.loginPage = browser.get(login);
        assertThat(signIn.loginPage.statusCode()).isEqualTo(200);
        return signIn;
    }

    /** The whole front channel: authorize, login page, form POST with the CSRF token, back to authorize, the code. */
    private SignIn signIn(String username, String password) {
        SignIn signIn = startSignIn();
        HttpResponse<String> signedIn = browser.post(endpoint("/login"), Map.of("username", username,
                "password", password, "_csrf", Browser.csrfToken(signIn.loginPage.body())));
        URI resumed = Browser.location(signedIn);
        assertThat(resumed.getPath()).isEqualTo("/oauth2/authorize");
        URI callback = Browser.location(browser.get(resumed));
        assertThat(callback.toString()).startsWith(PORTAL_CALLBACK + "?");
        Map<String, String> answer = Browser.query(callback);
        assertThat(answer).containsEntry("state", signIn.state).containsKey("code");
        signIn.code = answer.get("code");
        return signIn;
    }

    private static Map<String, String> authorizationParameters(String state, String nonce) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", "ntm-portal");
        parameters.put("scope", "openid profile");
        parameters.put("redirect_uri", PORTAL_CALLBACK);
        parameters.put("state", state);
        parameters.put("nonce", nonce);
        return parameters;
    }

    private JsonNode clientCredentials(String clientId, String secret) {
        HttpResponse<String> answer = browser.postAsClient(endpoint("/oauth2/token"), clientId, secret,
                Map.of("grant_type", "client_credentials"));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** Verified with the key the provider publishes, as a service verifies it. */
    private JWTClaimsSet verified(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        JWKSet keys = JWKSet.parse(browser.getJson(endpoint("/oauth2/jwks")).body());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
                .as("signed with the published key").isTrue();
        return jwt.getJWTClaimsSet();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private URI endpoint(String path) {
        return URI.create(baseUrl() + path);
    }

    /** 32 random bytes in base64url, as Spring Security's own client makes a PKCE verifier (RFC 7636, 4.1). */
    private static String random() {
        return RANDOM_TEXT.generateKey();
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
