package cn.hunan.mma.platform.security;

import cn.hunan.mma.events.value.DivisionCode;

import java.util.Set;

/**
 * Where an entity sits, for access decisions: an institution, an alliance, a referral (via its two
 * institutions), a settlement (via its alliance) each describe themselves with one of these.
 *
 * @param division       the county or finer division the entity belongs to
 * @param allianceIds    the alliances the entity belongs to (empty when none)
 * @param institutionIds the institutions the entity belongs to (one for an institution, two for a referral)
 */
public record Jurisdiction(DivisionCode division, Set<String> allianceIds, Set<String> institutionIds) {

    public Jurisdiction {
        if (division == null) {
            throw new IllegalArgumentException("an entity's jurisdiction needs its division");
        }
        allianceIds = Set.copyOf(allianceIds);
        institutionIds = Set.copyOf(institutionIds);
    }

    public static Jurisdiction ofDivision(DivisionCode division) {
        return new Jurisdiction(division, Set.of(), Set.of());
    }

    public static Jurisdiction ofInstitution(String institutionId, DivisionCode division, Set<String> allianceIds) {
        return new Jurisdiction(division, allianceIds, Set.of(institutionId));
    }
}
