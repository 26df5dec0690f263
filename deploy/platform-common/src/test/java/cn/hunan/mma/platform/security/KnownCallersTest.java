package cn.hunan.mma.platform.security;

import cn.hunan.mma.infra.LocalJwtKeys;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link KnownCallers} in front of {@link CurrentCaller}'s claim reading, on tokens smallrye-jwt really verified. */
class KnownCallersTest {

    private final DefaultJWTParser parser = parser();
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<JsonWebToken, Caller> countingRead = token -> {
        reads.incrementAndGet();
        return CurrentCaller.fromToken(token);
    };

    @Test
    void a_token_s_caller_is_read_once_and_then_remembered() throws ParseException {
        KnownCallers known = new KnownCallers();
        JsonWebToken token = verified(TokenClaims.forSubject("doctor-1", "institution-user").atInstitution("H430302001"));

        Caller first = known.of(token, countingRead);
        Caller again = known.of(verified(token.getRawToken()), countingRead);

        assertThat(first.subject()).isEqualTo("doctor-1");
        assertThat(first.roles()).containsExactly(Role.INSTITUTION_USER);
        assertThat(first.scope().institution()).contains("H430302001");
        assertThat(again).isSameAs(first);
        assertThat(reads.get()).isEqualTo(1);
    }

    @Test
    void tokens_with_different_claims_are_different_callers() throws ParseException {
        KnownCallers known = new KnownCallers();

        Caller atOne = known.of(verified(TokenClaims.forSubject("doctor-2", "institution-user").atInstitution("H430302001")),
                countingRead);
        Caller atOther = known.of(verified(TokenClaims.forSubject("doctor-2", "institution-user").atInstitution("H430302002")),
                countingRead);

        assertThat(atOne.scope().institution()).contains("H430302001");
        assertThat(atOther.scope().institution()).contains("H430302002");
        assertThat(reads.get()).isEqualTo(2);
    }

    @Test
    void a_token_without_its_text_is_read_every_time_and_never_remembered() {
        KnownCallers known = new KnownCallers();
        JsonWebToken anonymous = withoutRawText();

        known.of(anonymous, token -> new Caller("anonymous", Set.of(), Scope.none()));
        Caller second = known.of(anonymous, token -> new Caller("anonymous-again", Set.of(), Scope.none()));

        assertThat(second.subject()).isEqualTo("anonymous-again");
        assertThat(known.size()).isZero();
    }

    @Test
    void when_full_the_memory_starts_over_instead_of_growing() throws ParseException {
        KnownCallers small = new KnownCallers(2);
        small.of(verified(TokenClaims.forSubject("doctor-a", "auditor").inProvince("430000")), countingRead);
        small.of(verified(TokenClaims.forSubject("doctor-b", "auditor").inProvince("430000")), countingRead);
        assertThat(small.size()).isEqualTo(2);

        small.of(verified(TokenClaims.forSubject("doctor-c", "auditor").inProvince("430000")), countingRead);

        assertThat(small.size()).isEqualTo(1);
    }

    private JsonWebToken verified(TokenClaims claims) throws ParseException {
        return verified(TokenMinter.forTests().mint(claims));
    }

    private JsonWebToken verified(String rawToken) throws ParseException {
        return parser.parse(rawToken);
    }

    private static DefaultJWTParser parser() {
        JWTAuthContextInfo context = new JWTAuthContextInfo(LocalJwtKeys.forTests().publicKey(), TokenMinter.DEFAULT_ISSUER);
        context.setExpectedAudience(Set.of(TokenMinter.AUDIENCE));
        context.setGroupsPath("groups");
        return new DefaultJWTParser(context);
    }

    /** What a request without a bearer token injects: a token whose raw text (and everything else) is absent. */
    private static JsonWebToken withoutRawText() {
        return (JsonWebToken) Proxy.newProxyInstance(KnownCallersTest.class.getClassLoader(), new Class<?>[]{JsonWebToken.class},
                (proxy, method, args) -> method.getReturnType() == Optional.class ? Optional.empty() : null);
    }
}
