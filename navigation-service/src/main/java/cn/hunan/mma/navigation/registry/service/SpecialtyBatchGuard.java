package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.SpecialtySnapshot;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.navigation.registry.persistence.SpecialtyEntity;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An import batch of specialties: the institutions its lines name share-locked in the registry's order
 * ({@link RegistryLocks#institutionsShared}), then each line refused when its institution is not registered or is
 * retired — as the operator API states a specialty, under the same lock. A retirement racing with the batch either
 * committed before (and the line is refused) or waits until the batch has committed. Before 2026-11-25 (8) the
 * institutions were read before the batches, without a lock: a retirement committing in between left a specialty
 * stated at a retired institution.
 */
final class SpecialtyBatchGuard implements BatchGuard<SpecialtySnapshot, SpecialtyEntity> {

    @Override
    public Uni<Guarded<SpecialtyEntity>> guard(Mutiny.Session session, RegistryTable<SpecialtySnapshot, SpecialtyEntity> table,
                                               List<SpecialtySnapshot> batch) {
        return RegistryLocks.institutionsShared(session, batch.stream().map(line -> line.institutionId().value()).toList())
                .chain(locked -> {
                    AllianceReferences.Placements found = AllianceReferences.Placements.of(locked);
                    Map<Object, RuleViolation> refused = new HashMap<>();
                    batch.forEach(line -> problem(line.institutionId(), found)
                            .ifPresent(violation -> refused.put(table.primaryKey().apply(line), violation)));
                    return BatchGuard.<SpecialtySnapshot, SpecialtyEntity>readOnly().guard(session, table, batch)
                            .map(read -> new Guarded<>(read.existing(), refused));
                });
    }

    private static Optional<RuleViolation> problem(InstitutionId at, AllianceReferences.Placements found) {
        if (!found.registered(at)) {
            return Optional.of(new RuleViolation("institutionId", MatrixRules.UNKNOWN_INSTITUTION, "the institution is not registered"));
        }
        return found.retired().contains(at) ? Optional.of(MatrixRules.specialtyAtRetiredInstitution()) : Optional.empty();
    }
}
