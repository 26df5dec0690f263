package cn.hunan.mma.stack;

import cn.hunan.mma.infra.LocalJwtKeys;
import cn.hunan.mma.infra.TokenClaims;
import cn.hunan.mma.infra.TokenMinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code deploy/token}: mints a bearer token signed with the local stack's key. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Mints a bearer token for the local stack and prints it.")
final class TokenCommand implements Callable<Integer> {

    @Option(names = "--project-root", required = true, description = "The repository root.")
    Path projectRoot;

    @Option(names = "--role", required = true,
            description = "province-admin, city-operator, alliance-operator, institution-user, insurance-officer or auditor")
    String role;

    @Option(names = "--subject", defaultValue = "local-user", description = "The token's subject (default: ${DEFAULT-VALUE}).")
    String subject;

    @Option(names = "--province", description = "Province division code, e.g. 430000.")
    String province;

    @Option(names = "--city", description = "City division code, e.g. 430300 (湘潭市).")
    String city;

    @Option(names = "--alliance", description = "Alliance id.")
    String alliance;

    @Option(names = "--institution", description = "Institution id.")
    String institution;

    @Option(names = "--ttl", defaultValue = "8h", description = "Lifetime, e.g. 30m or 8h (default: ${DEFAULT-VALUE}).")
    String ttl;

    /** The claim values of platform-common's {@code Role}; anything else would grant nothing. */
    private static final Set<String> ROLES = Set.of("province-admin", "city-operator", "alliance-operator",
            "institution-user", "insurance-officer", "auditor");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!ROLES.contains(role)) {
            throw new ParameterException(spec.commandLine(), "unknown role '" + role + "'; one of " + new TreeSet<>(ROLES));
        }
        if (province == null && city == null && alliance == null && institution == null) {
            throw new ParameterException(spec.commandLine(),
                    "a token without a scope claim sees nothing: add --province, --city, --alliance or --institution");
        }
        System.out.println(mint(new StackLayout(projectRoot), claims()));
        return 0;
    }

    TokenClaims claims() {
        TokenClaims claims = TokenClaims.forSubject(subject, role).validFor(Duration.parse("PT" + ttl.toUpperCase()));
        if (province != null) {
            claims = claims.inProvince(province);
        }
        if (city != null) {
            claims = claims.inCity(city);
        }
        if (alliance != null) {
            claims = claims.inAlliance(alliance);
        }
        if (institution != null) {
            claims = claims.atInstitution(institution);
        }
        return claims;
    }

    static String mint(StackLayout layout, TokenClaims claims) {
        return TokenMinter.forKeys(LocalJwtKeys.loadOrGenerate(layout.keys())).mint(claims);
    }
}
