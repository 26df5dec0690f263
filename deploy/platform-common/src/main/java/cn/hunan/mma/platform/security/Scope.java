package cn.hunan.mma.platform.security;

import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.DivisionCode.Granularity;

import java.util.Optional;

/**
 * What part of the province a caller's token covers, from its scope claims. A token may carry
 * several claims; the caller then sees the union.
 *
 * @param province    a province code, e.g. 430000: every division in the province
 * @param city        a prefecture code, e.g. 430300 (湘潭市): every division under it
 * @param alliance    alliance id: that alliance's members
 * @param institution institution id: that institution only
 */
public record Scope(Optional<DivisionCode> province, Optional<DivisionCode> city, Optional<String> alliance,
                    Optional<String> institution) {

    public Scope {
        // A county code in the city claim must not silently widen to its whole city (or a city code
        // in the province claim to the province): the claim must name exactly that granularity.
        province.ifPresent(code -> requireGranularity("province", code, Granularity.PROVINCE));
        city.ifPresent(code -> requireGranularity("city", code, Granularity.PREFECTURE));
    }

    public static Scope none() {
        return new Scope(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Parses the claims as tokens carry them; malformed division codes make the token unusable. */
    public static Scope fromClaims(Optional<String> province, Optional<String> city, Optional<String> alliance,
                                   Optional<String> institution) {
        return new Scope(province.map(code -> division("province", code)), city.map(code -> division("city", code)),
                alliance, institution);
    }

    public boolean isEmpty() {
        return province.isEmpty() && city.isEmpty() && alliance.isEmpty() && institution.isEmpty();
    }

    private static DivisionCode division(String claim, String code) {
        try {
            return DivisionCode.of(code);
        } catch (ContractViolation e) {
            throw new InvalidScopeClaimException(claim + " claim must be a GB/T 2260 division code");
        }
    }

    private static void requireGranularity(String claim, DivisionCode code, Granularity expected) {
        if (code.granularity() != expected) {
            throw new InvalidScopeClaimException(claim + " claim must be a " + expected.name().toLowerCase()
                    + "-level division code, not " + code);
        }
    }
}
