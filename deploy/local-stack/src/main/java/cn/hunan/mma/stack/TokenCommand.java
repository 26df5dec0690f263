package cn.hunan.mma.stack;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DivisionCode.Granularity;
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
import java.time.format.DateTimeParseException;
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
        // The services refuse a token whose division claim has the wrong granularity (a county code as --city would
        // otherwise be minted here and answered 401 by every service): say so now, naming the option.
        requireDivision("--province", province, Granularity.PROVINCE);
        requireDivision("--city", city, Granularity.PREFECTURE);
        spec.commandLine().getOut().println(mint(new StackLayout(projectRoot), claims()));
        return 0;
    }

    private void requireDivision(String option, String code, Granularity expected) {
        if (code == null) {
            return;
        }
        DivisionCode division;
        try {
            division = DivisionCode.of(code);
        } catch (ContractViolation e) {
            throw new ParameterException(spec.commandLine(), option + " '" + code + "' is not a GB/T 2260 division code");
        }
        if (division.granularity() != expected) {
            throw new ParameterException(spec.commandLine(), option + " must be a " + expected.name().toLowerCase()
                    + "-level division code (e.g. " + (expected == Granularity.PROVINCE ? "430000" : "430300")
                    + "), not " + code + " (" + division.granularity().name().toLowerCase() + ")");
        }
    }

    TokenClaims claims() {
        TokenClaims claims = TokenClaims.forSubject(subject, role).validFor(lifetime());
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

    private Duration lifetime() {
        try {
            return Duration.parse("PT" + ttl.toUpperCase());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--ttl '" + ttl + "' is not a lifetime such as 30m or 8h");
        }
    }

    static String mint(StackLayout layout, TokenClaims claims) {
        return TokenMinter.forKeys(LocalJwtKeys.loadOrGenerate(layout.keys())).mint(claims);
    }
}
