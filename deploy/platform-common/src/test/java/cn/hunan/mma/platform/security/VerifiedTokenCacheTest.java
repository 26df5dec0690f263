package cn.hunan.mma.platform.security;

import cn.hunan.mma.infra.LocalJwtKeys;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The memory behind {@link VerifiedTokenCache}, in front of smallrye-jwt's real parser and the
 * test key pair: a token verified once is answered from memory until its own exp, bad and expired
 * tokens are refused (and verified) every time. That the decorator applies in a service is shown
 * by referral-service's {@code VerifiedTokenCacheAppliesTest}.
 */
class VerifiedTokenCacheTest {

    private final SettableClock clock = new SettableClock(Instant.now());
    private final CountingVerifier verifier = new CountingVerifier();
    private final VerifiedTokens tokens = new VerifiedTokens(clock);

    @Test
    void a_token_verified_once_is_answered_from_memory() throws ParseException {
        String token = mint("doctor-cache", Duration.ofMinutes(10));

        JsonWebToken first = tokens.verified(token, verifier);
        JsonWebToken second = tokens.verified(token, verifier);

        assertThat(first.getName()).isEqualTo("doctor-cache");
        assertThat(first.getGroups()).containsExactly("institution-user");
        assertThat(second).isSameAs(first);
        assertThat(verifier.calls.get()).isEqualTo(1);
    }

    @Test
    void a_token_with_a_broken_signature_is_refused_every_time_even_after_its_genuine_form_was_remembered()
            throws ParseException {
        String token = mint("doctor-tampered", Duration.ofMinutes(10));
        tokens.verified(token, verifier);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> tokens.verified(tampered, verifier)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.verified(tampered, verifier)).isInstanceOf(ParseException.class);
        // the genuine one, then the tampered one twice: nothing about a failure is remembered
        assertThat(verifier.calls.get()).isEqualTo(3);
    }

    @Test
    void an_expired_token_is_refused_every_time() {
        String expired = mint("doctor-expired", Duration.ofMinutes(-10));

        assertThatThrownBy(() -> tokens.verified(expired, verifier)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.verified(expired, verifier)).isInstanceOf(ParseException.class);
        assertThat(verifier.calls.get()).isEqualTo(2);
    }

    @Test
    void a_remembered_token_is_verified_again_once_its_exp_has_passed() throws ParseException {
        String token = mint("doctor-late", Duration.ofMinutes(10));
        JsonWebToken first = tokens.verified(token, verifier);

        clock.set(Instant.ofEpochSecond(first.getExpirationTime()).minusSeconds(1));
        assertThat(tokens.verified(token, verifier)).isSameAs(first);
        assertThat(verifier.calls.get()).isEqualTo(1);

        // At exp the memory no longer answers; the real parser (on the real clock) is asked again.
        clock.set(Instant.ofEpochSecond(first.getExpirationTime()));
        tokens.verified(token, verifier);
        assertThat(verifier.calls.get()).isEqualTo(2);
    }

    @Test
    void when_full_the_memory_starts_over_instead_of_growing() throws ParseException {
        VerifiedTokens small = new VerifiedTokens(clock, 2);
        small.verified(mint("doctor-1", Duration.ofMinutes(10)), verifier);
        small.verified(mint("doctor-2", Duration.ofMinutes(10)), verifier);
        assertThat(small.size()).isEqualTo(2);

        small.verified(mint("doctor-3", Duration.ofMinutes(10)), verifier);

        // two live entries, nothing expired to drop: cleared, then the third remembered
        assertThat(small.size()).isEqualTo(1);
    }

    private static String mint(String subject, Duration validity) {
        return TokenMinter.forTests().mint(TokenClaims.forSubject(subject, "institution-user").validFor(validity));
    }

    /** smallrye-jwt's own parser with the platform's issuer and audience, counting its verifications. */
    private static final class CountingVerifier implements VerifiedTokens.Verifier {
        private final AtomicInteger calls = new AtomicInteger();
        private final DefaultJWTParser parser;

        CountingVerifier() {
            JWTAuthContextInfo context = new JWTAuthContextInfo(LocalJwtKeys.forTests().publicKey(),
                    TokenMinter.DEFAULT_ISSUER);
            context.setExpectedAudience(Set.of(TokenMinter.AUDIENCE));
            context.setGroupsPath("groups");
            parser = new DefaultJWTParser(context);
        }

        @Override
        public JsonWebToken verify(String bearerToken) throws ParseException {
            calls.incrementAndGet();
            return parser.parse(bearerToken);
        }
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
