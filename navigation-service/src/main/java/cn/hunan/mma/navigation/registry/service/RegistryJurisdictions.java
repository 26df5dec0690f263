package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.platform.security.Jurisdiction;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where registry entities sit, for {@link cn.hunan.mma.platform.security.AccessPolicy}. */
public final class RegistryJurisdictions {

    private RegistryJurisdictions() {
    }

    public static Jurisdiction of(InstitutionEntity institution) {
        return Jurisdiction.ofInstitution(institution.id(), institution.divisionCode(), Set.copyOf(institution.allianceIds()));
    }

    /**
     * An alliance sits in every division it covers (a city operator sees the alliances covering
     * its city, a specialty alliance's regional operators theirs), and in its lead's division.
     */
    public static List<Jurisdiction> of(AllianceEntity alliance, DivisionCode leadDivision) {
        Set<String> institutions = new HashSet<>(alliance.memberIds());
        institutions.add(alliance.leadInstitutionId());
        Set<DivisionCode> divisions = new HashSet<>(alliance.coveredDivisions());
        divisions.add(leadDivision);
        return divisions.stream()
                .map(division -> new Jurisdiction(division, Set.of(alliance.id()), institutions))
                .toList();
    }
}
