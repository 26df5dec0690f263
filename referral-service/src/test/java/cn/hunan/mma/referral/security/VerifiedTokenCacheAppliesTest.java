package cn.hunan.mma.referral.security;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * platform-common's {@code VerifiedTokenCache} decorates the parser this service's bearer-token
 * authentication uses: smallrye-jwt's own parser builds a new token object per call, so the same
 * instance twice proves the second answer came from the cache, i.e. the decorator applies here.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class VerifiedTokenCacheAppliesTest {

    @Inject
    JWTParser parser;

    @Test
    void the_same_token_twice_is_verified_once() throws ParseException {
        String token = TokenMinter.forTests().mint(TokenClaims.forSubject("referral-doctor-cache", "institution-user"));

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertThat(first.getName()).isEqualTo("referral-doctor-cache");
        assertThat(second).isSameAs(first);
        // Without the decorator the undecorated parser answers with a fresh object every time.
        assertThat(parser.parseOnly(token)).isNotSameAs(first);
    }

    @Test
    void an_expired_token_is_still_refused() {
        String expired = TokenMinter.forTests()
                .mint(TokenClaims.forSubject("referral-doctor-expired", "institution-user").validFor(Duration.ofMinutes(-10)));

        assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
    }
}
