package cn.hunan.mma.platform.security;

import java.util.Set;

/**
 * Where an entity sits, for access decisions: an institution, an alliance, a referral (via its two
 * institutions), a settlement (via its alliance) each describe themselves with one of these.
 *
 * @param divisionCode the county (6-digit) or finer division code the entity belongs to
 * @param allianceIds  the alliances the entity belongs to (empty when none)
 * @param institutionIds the institutions the entity belongs to (one for an institution, two for a referral)
 */
public record Jurisdiction(String divisionCode, Set<String> allianceIds, Set<String> institutionIds) {

    public Jurisdiction {
        if (divisionCode == null || !divisionCode.matches("\\d{6}(\\d{3}(\\d{3})?)?")) {
            throw new IllegalArgumentException("division code must have 6, 9 or 12 digits");
        }
        allianceIds = Set.copyOf(allianceIds);
        institutionIds = Set.copyOf(institutionIds);
    }

    public static Jurisdiction ofDivision(String divisionCode) {
        return new Jurisdiction(divisionCode, Set.of(), Set.of());
    }

    public static Jurisdiction ofInstitution(String institutionId, String divisionCode, Set<String> allianceIds) {
        return new Jurisdiction(divisionCode, allianceIds, Set.of(institutionId));
    }

    String provincePrefix() {
        return divisionCode.substring(0, 2);
    }

    String cityPrefix() {
        return divisionCode.substring(0, 4);
    }
}
