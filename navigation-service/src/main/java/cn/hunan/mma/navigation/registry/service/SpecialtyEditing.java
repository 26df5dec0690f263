package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.navigation.registry.persistence.SpecialtyEntity;
import cn.hunan.mma.platform.security.AccessPolicy;
import cn.hunan.mma.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;

import java.util.Optional;

/**
 * Operators' statements of a specialty (an institution's department, its name and recognition).
 * The institution must be registered and active, and within the caller's reach (a city operator:
 * its city). The institution row is share-locked for the edit, so a concurrent retirement waits
 * and no specialty is added to an institution retired meanwhile.
 */
@ApplicationScoped
public class SpecialtyEditing {

    private final RegistryWrites writes;

    public SpecialtyEditing(RegistryWrites writes) {
        this.writes = writes;
    }

    /** Creates (no version) or revises (the current version, or any with {@code *}) the specialty; the snapshot carries the new event. */
    public Uni<RegistryWrites.Put<SpecialtyEntity>> put(SpecialtySnapshot snapshot, Optional<ExpectedVersion> expectedVersion, Caller caller) {
        String institutionId = snapshot.institutionId().value();
        String what = "specialty " + institutionId + ":" + snapshot.departmentId().value();
        return writes.transaction(session -> session.find(InstitutionEntity.class, institutionId, LockModeType.PESSIMISTIC_READ)
                .chain(institution -> {
                    requireActive(institution, institutionId, caller);
                    return writes.put(session, RegistryTable.SPECIALTIES, snapshot, expectedVersion, what);
                }), what);
    }

    private static void requireActive(InstitutionEntity institution, String institutionId, Caller caller) {
        if (institution == null) {
            throw new NotFoundException("no institution " + institutionId);
        }
        AccessPolicy.requireChange(caller, RegistryJurisdictions.of(institution), "institution " + institutionId);
        if (!institution.active()) {
            throw new RegistryRuleException(MatrixRules.specialtyAtRetiredInstitution());
        }
    }
}
