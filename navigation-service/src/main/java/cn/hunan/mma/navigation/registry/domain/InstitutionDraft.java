package cn.hunan.mma.navigation.registry.domain;

import cn.hunan.mma.events.matrix.InstitutionKind;
import cn.hunan.mma.events.matrix.InstitutionSnapshot;
import cn.hunan.mma.events.value.AllianceId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What an operator states about an institution. Alliance memberships are not part of it: they
 * follow from the alliances, and the active flag from retirement.
 */
public record InstitutionDraft(InstitutionId institutionId, String name, Level level, InstitutionKind kind,
                               DivisionCode divisionCode, BigDecimal latitude, BigDecimal longitude) {

    /** The snapshot to publish; the contract's own checks apply (a ContractViolation names the field). */
    public InstitutionSnapshot snapshot(List<AllianceId> allianceIds, boolean active, EventId eventId, Instant at) {
        return new InstitutionSnapshot(eventId, at, institutionId, name, level, kind, divisionCode, latitude, longitude,
                allianceIds, active);
    }
}
