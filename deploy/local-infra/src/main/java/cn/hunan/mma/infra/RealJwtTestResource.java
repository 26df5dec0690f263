package cn.hunan.mma.infra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Makes a {@code @QuarkusTest} verify bearer tokens against {@link LocalJwtKeys#forTests()}, the
 * key {@link TokenMinter#forTests()} signs with. Init arg {@value #ISSUER} overrides the expected
 * issuer (default {@link TokenMinter#DEFAULT_ISSUER}); mint with
 * {@code TokenMinter.forTests().withIssuer(...)} to match.
 *
 * <p>The key is given inline ({@code mp.jwt.verify.publickey}), not as a file location: in test
 * mode quarkus-smallrye-jwt generates its own key pair at build time when the build sees no key
 * configuration, and sets it as an inline key, which SmallRye prefers over any location.
 * An inline key from here overrides that one.
 */
public class RealJwtTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "issuer";

    private String issuer = TokenMinter.DEFAULT_ISSUER;

    @Override
    public void init(Map<String, String> initArgs) {
        issuer = initArgs.getOrDefault(ISSUER, TokenMinter.DEFAULT_ISSUER);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "mp.jwt.verify.publickey", LocalJwtKeys.forTests().publicKeyPem(),
                "mp.jwt.verify.issuer", issuer);
    }

    @Override
    public void stop() {
    }
}
