package cn.hunan.mma.navigation.security;

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
 * The parser the application's bearer-token authentication uses, as injected (so with the cache
 * decorating it): a token verified once is answered from the cache, bad and expired tokens are
 * refused every time.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "navigation"))
@QuarkusTestResource(RealJwtTestResource.class)
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void a_token_verified_once_is_answered_from_the_cache() throws ParseException {
        String token = TokenMinter.forTests().mint(TokenClaims.forSubject("doctor-cache", "institution-user"));

        JsonWebToken first = parser.parse(token);
        JsonWebToken second = parser.parse(token);

        assertThat(first.getName()).isEqualTo("doctor-cache");
        assertThat(first.getGroups()).containsExactly("institution-user");
        assertThat(second).isSameAs(first);
    }

    @Test
    void a_token_with_a_broken_signature_is_refused_even_after_its_genuine_form_was_cached() throws ParseException {
        String token = TokenMinter.forTests().mint(TokenClaims.forSubject("doctor-tampered", "institution-user"));
        parser.parse(token);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOf(ParseException.class);
    }

    @Test
    void an_expired_token_is_refused_every_time() {
        String expired = TokenMinter.forTests()
                .mint(TokenClaims.forSubject("doctor-expired", "institution-user").validFor(Duration.ofMinutes(-10)));

        assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(expired)).isInstanceOf(ParseException.class);
    }
}
