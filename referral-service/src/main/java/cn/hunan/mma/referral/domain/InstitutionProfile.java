package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.util.Set;

/** What a referral needs to know about an institution of the matrix. */
public record InstitutionProfile(InstitutionId id, Level level, DivisionCode division, Set<AllianceId> allianceIds,
                                 boolean active) {

    public InstitutionProfile {
        allianceIds = Set.copyOf(allianceIds);
    }
}
