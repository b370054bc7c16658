package vn.ntm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider as the launcher runs it (its executable jar as a process, wired by {@link Platform}) and the
 * launcher's own sign-in: a person through the login form, the operator's machine client, a wrong password, and a
 * restart that keeps the signing key.
 */
class IdentityProviderProcessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path workDir;

    /**
     * Catches: a launcher that signs people in through a flow the provider does not accept (PKCE, CSRF, cookies),
     * a token cache that hands out a new sign-in per request or another user's token, a provider that forgets its key
     * on restart (every token of the local run would be refused after a restart), a wrong password taken for a
     * broken provider.
     */
    @Test
    void peopleSignInWithTheirPasswordMachinesWithTheirSecretAndTokensOutliveARestart() throws Exception {
        PlatformSettings settings = new PlatformSettings(HOME, workDir, 0, 0, 0, 0, 0, "unused", Map.of());
        ServiceProcess provider = Platform.identityProvider(settings,
                ServiceProcess.findJar(HOME, "identity-provider"));
        provider.start();
        try {
            provider.awaitReady(Duration.ofSeconds(120));
            Tokens tokens = new Tokens(Platform.signIn(settings));

            String officer = tokens.user("can-bo-ngoc-thien");
            JsonNode claims = verifiedClaims(settings, officer);
            assertThat(claims.path("iss").asString()).isEqualTo(settings.identityUrl());
            assertThat(claims.path("sub").asString()).isEqualTo("can-bo-ngoc-thien");
            assertThat(claims.path("ntm_unit").asString()).isEqualTo("598bc358-0b8c-556d-b77e-200638ed14af");
            assertThat(claims.path("realm_access").path("roles").toString()).isEqualTo("[\"commune-officer\"]");
            assertThat(tokens.user("can-bo-ngoc-thien")).as("reused while valid").isEqualTo(officer);
            assertThat(verifiedClaims(settings, tokens.user("van-hanh")).path("sub").asString()).isEqualTo("van-hanh");

            JsonNode machine = verifiedClaims(settings, tokens.machine());
            assertThat(machine.path("sub").asString()).isEqualTo(DemoUsers.OPERATOR_CLIENT);
            assertThat(machine.path("ntm_unit").asString()).isEqualTo("*");
            assertThat(machine.path("aud").toString()).contains("ntm-platform");

            assertThatThrownBy(() -> Platform.signIn(settings).person("can-bo-ngoc-thien", "not-the-password"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refused");
            assertThat(workDir.resolve("identity").resolve("signing-key.json")).isRegularFile();

            provider.stop();
            provider.start();
            provider.awaitReady(Duration.ofSeconds(120));
            assertThat(verifiedClaims(settings, officer).path("sub").asString())
                    .as("the token of before the restart, checked with the key set of after").isEqualTo("can-bo-ngoc-thien");
        } finally {
            provider.stop();
        }
    }

    /** The token's claims, once its RS256 signature checks out against the provider's published key. */
    private static JsonNode verifiedClaims(PlatformSettings settings, String token) throws Exception {
        String[] parts = token.split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        JsonNode keys = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(settings.identityUrl() + "/oauth2/jwks")).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode key = null;
        for (JsonNode candidate : keys.path("keys")) {
            if (candidate.path("kid").asString().equals(header.path("kid").asString())) {
                key = candidate;
            }
        }
        assertThat(key).as("the provider publishes the key " + header.path("kid")).isNotNull();
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asString())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asString()))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature").isTrue();
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
