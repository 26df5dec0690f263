package cn.hunan.mma.platform.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;

/**
 * Verifies each bearer token once and remembers it until its {@code exp} ({@link VerifiedTokens}),
 * for every service: a client sends the same token with every request for its lifetime, and
 * verifying it again (RSA signature, claims) was a tenth of the CPU per call in the navigation and
 * referral benchmarks. A CDI decorator of smallrye-jwt's {@link JWTParser}, the bean the bearer-token
 * authentication asks; it applies wherever this library is on the class path (its Jandex index makes
 * it part of the bean archive). The other parser methods (explicit keys, decryption) pass through.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final VerifiedTokens verified = new VerifiedTokens(Clock.systemUTC());

    @Inject
    VerifiedTokenCache(@Delegate JWTParser verifier) {
        this.verifier = verifier;
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        return verified.verified(bearerToken, verifier::parse);
    }
}
