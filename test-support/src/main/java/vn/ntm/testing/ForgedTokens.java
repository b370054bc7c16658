package vn.ntm.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.ntm.testing.identity.DemoUser;
import vn.ntm.testing.identity.TokenIssuer;

/** Tokens a service must refuse, each for a different reason, all for a user who would otherwise be let in. */
public final class ForgedTokens {

    private ForgedTokens() {
    }

    public static Map<String, String> all(DemoUser user) {
        TokenIssuer issuer = TestIdentity.issuer();
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", issuer.token(user, c -> c.issueTime(Date.from(now.minusSeconds(7200)))
                .notBeforeTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(600)))));
        tokens.put("not yet valid", issuer.token(user, c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))));
        tokens.put("without expiry", issuer.token(user, c -> c.expirationTime(null)));
        tokens.put("wrong issuer", issuer.token(user, c -> c.issuer("https://idp.example.invalid/realms/ntm")));
        tokens.put("wrong audience", issuer.token(user, c -> c.audience("another-application")));
        tokens.put("bad signature", issuer.forge(user));
        tokens.put("alg none", new PlainJWT(new com.nimbusds.jose.PlainHeader.Builder().type(JOSEObjectType.JWT)
                .build(), issuer.claims(user).build()).serialize());
        String good = issuer.token(user);
        tokens.put("tampered claims", good.substring(0, good.indexOf('.') + 1)
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        issuer.claims(new DemoUser(user.username(), user.name(), user.roles(), DemoUser.WHOLE_PLATFORM))
                                .build().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + good.substring(good.indexOf('.', good.indexOf('.') + 1)));
        tokens.put("not a token", "not-a-token");
        return tokens;
    }
}
