package cn.hunan.mma.platform.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What part of the province a caller's token covers, from its scope claims. A token may carry
 * several claims; the caller then sees the union. Division codes are GB/T 2260 (6 digits).
 *
 * @param province    province division code, e.g. "430000": the whole province
 * @param city        prefecture division code, e.g. "430300" (湘潭市): every division under it
 * @param alliance    alliance id: that alliance's members
 * @param institution institution id: that institution only
 */
public record Scope(Optional<String> province, Optional<String> city, Optional<String> alliance,
                    Optional<String> institution) {

    private static final Pattern DIVISION = Pattern.compile("\\d{6}");

    public Scope {
        province.ifPresent(code -> requireDivision("province", code));
        city.ifPresent(code -> requireDivision("city", code));
    }

    public static Scope none() {
        return new Scope(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return province.isEmpty() && city.isEmpty() && alliance.isEmpty() && institution.isEmpty();
    }

    private static void requireDivision(String claim, String code) {
        if (!DIVISION.matcher(code).matches()) {
            throw new InvalidScopeClaimException(claim + " claim must be a 6-digit division code");
        }
    }
}
