package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verified by SmallRye JWT, the library behind quarkus-smallrye-jwt, configured as the services are. */
class TokenMinterTest {

    @TempDir
    Path keysDir;

    @Test
    void a_minted_token_carries_identity_roles_and_scope_and_passes_smallrye_verification() throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(keysDir);
        String token = TokenMinter.forKeys(keys).mint(
                TokenClaims.forSubject("operator-7", "city-operator", "auditor")
                        .inProvince("430000").inCity("430100").inAlliance("alliance-12").atInstitution("hosp-3"));

        JsonWebToken jwt = verifier(keys.publicKeyLocation(), TokenMinter.DEFAULT_ISSUER).parse(token);

        assertThat(jwt.getIssuer()).isEqualTo("https://mma.local/issuer");
        assertThat(jwt.getSubject()).isEqualTo("operator-7");
        assertThat(jwt.getName()).isEqualTo("operator-7");
        assertThat(jwt.getGroups()).containsExactlyInAnyOrder("city-operator", "auditor");
        assertThat(Map.of(
                "province", jwt.<Object>getClaim("province").toString(),
                "city", jwt.<Object>getClaim("city").toString(),
                "alliance", jwt.<Object>getClaim("alliance").toString(),
                "institution", jwt.<Object>getClaim("institution").toString()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "province", "430000", "city", "430100", "alliance", "alliance-12", "institution", "hosp-3"));
        assertThat(jwt.getTokenID()).isNotBlank();
        assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(Duration.ofHours(1).toSeconds());
    }

    @Test
    void scope_claims_that_are_not_set_are_absent() throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(keysDir);
        String token = TokenMinter.forKeys(keys).mint(TokenClaims.forSubject("admin-1", "province-admin"));

        JsonWebToken jwt = verifier(keys.publicKeyLocation(), TokenMinter.DEFAULT_ISSUER).parse(token);

        assertThat(jwt.getClaimNames()).doesNotContain("province", "city", "alliance", "institution");
    }

    @Test
    void every_token_has_its_own_id() throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(keysDir);
        TokenMinter minter = TokenMinter.forKeys(keys);
        DefaultJWTParser verifier = verifier(keys.publicKeyLocation(), TokenMinter.DEFAULT_ISSUER);
        TokenClaims claims = TokenClaims.forSubject("auditor-1", "auditor");

        assertThat(verifier.parse(minter.mint(claims)).getTokenID()).isNotEqualTo(verifier.parse(minter.mint(claims)).getTokenID());
    }

    @Test
    void text_with_quotes_and_control_characters_survives_the_round_trip() throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(keysDir);
        String awkward = "o\"brien\\\n\t\u0001湘雅";
        String token = TokenMinter.forKeys(keys).mint(TokenClaims.forSubject(awkward, "institution-user"));

        assertThat(verifier(keys.publicKeyLocation(), TokenMinter.DEFAULT_ISSUER).parse(token).getSubject()).isEqualTo(awkward);
    }

    @Test
    void a_token_signed_with_another_key_is_rejected() throws Exception {
        LocalJwtKeys ours = LocalJwtKeys.loadOrGenerate(keysDir.resolve("ours"));
        LocalJwtKeys theirs = LocalJwtKeys.loadOrGenerate(keysDir.resolve("theirs"));
        String forged = TokenMinter.forKeys(theirs).mint(TokenClaims.forSubject("intruder", "province-admin"));

        assertThatThrownBy(() -> verifier(ours.publicKeyLocation(), TokenMinter.DEFAULT_ISSUER).parse(forged))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void an_expired_token_is_rejected() throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(keysDir);
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String stale = TokenMinter.forKeys(keys).withClock(yesterday).mint(TokenClaims.forSubject("officer-2", "insurance-officer"));

        assertThatThrownBy(() -> verifier(keys.publicKeyLocation(), TokenMinter.DEFAULT_ISSUER).parse(stale))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void a_token_from_another_issuer_is_rejected() throws Exception {
        LocalJwtKeys keys = LocalJwtKeys.loadOrGenerate(keysDir);
        String token = TokenMinter.forKeys(keys).withIssuer("https://elsewhere.example/issuer")
                .mint(TokenClaims.forSubject("alliance-op-1", "alliance-operator"));

        assertThatThrownBy(() -> verifier(keys.publicKeyLocation(), TokenMinter.DEFAULT_ISSUER).parse(token))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void the_test_resource_points_the_verifier_at_the_key_the_test_minter_uses() throws Exception {
        RealJwtTestResource resource = new RealJwtTestResource();
        resource.init(Map.of());
        Map<String, String> config = resource.start();

        assertThat(config).containsOnlyKeys("mp.jwt.verify.publickey", "mp.jwt.verify.issuer");
        String token = TokenMinter.forTests().mint(TokenClaims.forSubject("auditor-9", "auditor"));
        JsonWebToken jwt = configuredAs(config).parse(token);
        assertThat(jwt.getGroups()).containsExactly("auditor");
    }

    @Test
    void the_test_resource_expects_the_issuer_it_is_given() throws Exception {
        RealJwtTestResource resource = new RealJwtTestResource();
        resource.init(Map.of(RealJwtTestResource.ISSUER, "https://sso.hunan.example/realms/mma"));
        Map<String, String> config = resource.start();

        String token = TokenMinter.forTests().withIssuer("https://sso.hunan.example/realms/mma")
                .mint(TokenClaims.forSubject("auditor-9", "auditor"));
        assertThat(configuredAs(config).parse(token).getIssuer()).isEqualTo("https://sso.hunan.example/realms/mma");
    }

    /** A verifier set up from the test resource's config, as quarkus-smallrye-jwt would be. */
    private static DefaultJWTParser configuredAs(Map<String, String> config) {
        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setPublicKeyContent(config.get("mp.jwt.verify.publickey"));
        context.setIssuedBy(config.get("mp.jwt.verify.issuer"));
        return new DefaultJWTParser(context);
    }

    private static DefaultJWTParser verifier(String publicKeyLocation, String issuer) {
        return new DefaultJWTParser(new JWTAuthContextInfo(publicKeyLocation, issuer));
    }
}
