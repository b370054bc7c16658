package vn.ntm.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's doors, without a provider behind them (its endpoints are named, so nothing is fetched at start):
 * who gets a redirect to sign in, who gets a 401 problem, and that the redirect asks for PKCE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "NTM_PORTAL_PROVIDER=ntm-split",
        "NTM_IDENTITY_AUTHORIZATION_URI=http://provider.invalid/authorize",
        "NTM_IDENTITY_TOKEN_URI=http://provider.invalid/token",
        "NTM_IDENTITY_JWK_SET_URI=http://provider.invalid/jwks",
        "NTM_IDENTITY_USER_INFO_URI=http://provider.invalid/userinfo",
        "NTM_PORTAL_REPORTING_URL=http://127.0.0.1:9"})
class PortalSecurityTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirects

    private HttpResponse<String> get(String path, String accept, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", accept);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Catches a portal that relays to a service without a session (the service would see no token, or a stale one). */
    @Test
    void aBackgroundRequestWithoutSessionGetsA401ProblemInVietnameseAndIsNotRelayed() throws Exception {
        for (String path : new String[] {"/me", "/reporting/api/units", "/criteria/api/units/x/measurement-forms"}) {
            HttpResponse<String> response = get(path, "application/json", null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"title\":\"Vui lòng đăng nhập lại\"",
                    "\"signIn\":\"/oauth2/authorization/ntm\"");
        }
        assertThat(get("/me", "application/json", "en-GB,en;q=0.8").body()).contains("Please sign in again");
    }

    /** Catches pages served to strangers, and a sign-in redirect without PKCE (a stolen code would be usable). */
    @Test
    void aPageSendsAStrangerToTheProviderWithAProofKey() throws Exception {
        HttpResponse<String> page = get("/record.html", "text/html", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/oauth2/authorization/ntm"));
        HttpResponse<String> authorize = get("/oauth2/authorization/ntm", "text/html", null);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(authorize.headers().firstValue("Location").orElseThrow())
                .startsWith("http://provider.invalid/authorize?")
                .contains("response_type=code", "client_id=ntm-portal", "code_challenge=",
                        "code_challenge_method=S256", "scope=openid%20profile");
    }

    /** Catches a sign-out (or any write) that a foreign page could trigger without the CSRF header. */
    @Test
    void signingOutNeedsTheCsrfHeaderAndHealthIsPublic() throws Exception {
        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/logout")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isIn(401, 403);
        assertThat(get("/actuator/health", "application/json", null).statusCode()).isEqualTo(200);
    }
}
