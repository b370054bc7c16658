package vn.ntm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoIdentityServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signsTokensThatItsPublishedKeyVerifies() throws Exception {
        DemoUser officer = new DemoUser("can-bo", "Cán bộ", List.of("commune-officer"), "unit-1");
        try (DemoIdentityServer server = DemoIdentityServer.start(0, "ntm-platform", List.of(officer))) {
            JsonNode discovery = get(server.url() + "/.well-known/openid-configuration");
            assertThat(discovery.path("issuer").asString()).isEqualTo(server.url());

            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=can-bo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            SignedJWT token = SignedJWT.parse(JSON.readTree(answer.body()).path("access_token").asString());

            RSAKey key = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(discovery.path("jwks_uri")
                    .asString())).build(), HttpResponse.BodyHandlers.ofString()).body()).getKeys().get(0).toRSAKey();
            assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
            assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(server.url());
            assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("ntm-platform");
            assertThat(token.getJWTClaimsSet().getStringClaim("ntm_unit")).isEqualTo("unit-1");
            assertThat(token.getJWTClaimsSet().getJSONObjectClaim("realm_access"))
                    .isEqualTo(Map.of("roles", List.of("commune-officer")));
            assertThat(SignedJWT.parse(server.issuer().forge(officer)).verify(new RSASSAVerifier(key))).isFalse();
        }
    }

    @Test
    void refusesAnUnknownUser() throws Exception {
        try (DemoIdentityServer server = DemoIdentityServer.start(0, "ntm-platform", List.of())) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/token"))
                    .POST(HttpRequest.BodyPublishers.ofString("username=nobody")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.body()).contains("invalid_grant");
        }
    }

    private JsonNode get(String url) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }
}
