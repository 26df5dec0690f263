package cn.hunan.mma.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints RS256 JSON Web Tokens with the JDK's own crypto, for tests and the local stack:
 * {@code iss}, {@code aud}, {@code sub}, {@code upn}, {@code groups}, the scope claims {@code province},
 * {@code city}, {@code alliance}, {@code institution} when set, {@code iat}, {@code exp},
 * {@code jti}.
 *
 * <pre>{@code
 * String bearer = TokenMinter.forTests().mint(TokenClaims.forSubject("auditor-1", "auditor"));
 * }</pre>
 */
public final class TokenMinter {

    public static final String DEFAULT_ISSUER = "https://mma.local/issuer";
    /** The services accept only tokens issued for the platform ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "mma-platform";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = new JsonObjectWriter().string("alg", "RS256").string("typ", "JWT").end();

    private final RSAPrivateKey signingKey;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenMinter(RSAPrivateKey signingKey, String issuer, Clock clock) {
        this(signingKey, issuer, AUDIENCE, clock);
    }

    private TokenMinter(RSAPrivateKey signingKey, String issuer, String audience, Clock clock) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Signs with {@code keys}, as {@link #DEFAULT_ISSUER}, on the system clock. */
    public static TokenMinter forKeys(LocalJwtKeys keys) {
        return new TokenMinter(keys.privateKey(), DEFAULT_ISSUER, Clock.systemUTC());
    }

    /** Signs with the key whose public half {@link RealJwtTestResource} gives the service under test. */
    public static TokenMinter forTests() {
        return forKeys(LocalJwtKeys.forTests());
    }

    public TokenMinter withIssuer(String otherIssuer) {
        return new TokenMinter(signingKey, otherIssuer, audience, clock);
    }

    /** For tests of tokens issued to another application. */
    public TokenMinter withAudience(String otherAudience) {
        return new TokenMinter(signingKey, issuer, otherAudience, clock);
    }

    public TokenMinter withClock(Clock otherClock) {
        return new TokenMinter(signingKey, issuer, audience, otherClock);
    }

    /** The compact serialization, ready for {@code Authorization: Bearer <token>}. */
    public String mint(TokenClaims claims) {
        Instant now = clock.instant();
        JsonObjectWriter payload = new JsonObjectWriter()
                .string("iss", issuer)
                .string("aud", audience)
                .string("sub", claims.subject())
                .string("upn", claims.subject())
                .strings("groups", claims.groups());
        claims.province().ifPresent(value -> payload.string("province", value));
        claims.city().ifPresent(value -> payload.string("city", value));
        claims.alliance().ifPresent(value -> payload.string("alliance", value));
        claims.institution().ifPresent(value -> payload.string("institution", value));
        payload.number("iat", now.getEpochSecond())
                .number("exp", now.plus(claims.lifetime()).getEpochSecond())
                .string("jti", UUID.randomUUID().toString());

        String signingInput = base64url(HEADER) + "." + base64url(payload.end());
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
    }

    private byte[] sign(String signingInput) {
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(signingKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return rs256.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token with RS256", e);
        }
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
