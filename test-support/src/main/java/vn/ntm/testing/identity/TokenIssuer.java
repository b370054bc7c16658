package vn.ntm.testing.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The tests' token signer: signs RS256 access tokens in-process with a key pair made when it starts, for any user a
 * test makes up, and forges the ones a service must refuse. Its tokens have the shape the platform's providers give
 * (the identity-provider module, and a Keycloak realm configured as in {@code docker/keycloak}): {@code iss},
 * {@code sub}, {@code preferred_username}, {@code aud}, {@code iat}/{@code nbf}/{@code exp},
 * {@code realm_access.roles} and {@code ntm_unit}. Tests only: nothing that runs offers a way to get these tokens.
 */
public final class TokenIssuer {

    public static final String DEFAULT_AUDIENCE = "ntm-platform";
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final String issuer;
    private final String audience;
    private final RSAKey key;

    public TokenIssuer(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
        this.key = newKey();
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** The public half of the signing key, as a JWK set ({@code jwks_uri}). */
    public String jwkSet() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String token(DemoUser user) {
        return sign(claims(user).build());
    }

    /** A token for the user with some claims changed, for tests of what a service must refuse. */
    public String token(DemoUser user, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(user)).build());
    }

    public JWTClaimsSet.Builder claims(DemoUser user) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user.username())
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", user.username())
                .claim("name", user.name())
                .claim("realm_access", Map.of("roles", List.copyOf(user.roles())));
        return user.unit() == null ? claims : claims.claim("ntm_unit", user.unit());
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signs with a key of its own that no service trusts: a forged token. */
    public String forge(DemoUser user) {
        return sign(claims(user).build(), newKey());
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make a signing key", e);
        }
    }
}
