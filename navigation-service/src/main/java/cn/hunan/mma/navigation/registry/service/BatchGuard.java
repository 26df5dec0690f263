package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.persistence.RegistryRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;

/**
 * What one kind of row needs inside its import batch's transaction before anything is written: the batch's existing
 * rows, read — and, where other writers judge the same rows, locked with whatever the kind's rules read, in the
 * registry's lock order ({@link RegistryLocks}) — and the lines its rules refuse as the registry stands under those
 * locks. Judged under the locks, a concurrent operator edit either committed before (and is seen) or waits for the batch.
 */
interface BatchGuard<S extends MatrixSnapshot, E extends RegistryRow<S>> {

    Uni<Guarded<E>> guard(Mutiny.Session session, RegistryTable<S, E> table, List<S> batch);

    /**
     * @param existing the batch's rows already in the registry (entries may be null: not there)
     * @param refused  by primary key, the rule each refused line breaks; such a line is reported and not written
     */
    record Guarded<E>(List<E> existing, Map<Object, RuleViolation> refused) {
    }

    /** The existing rows read as they are, nothing refused: for rows no rule of another row's writer reads. */
    static <S extends MatrixSnapshot, E extends RegistryRow<S>> BatchGuard<S, E> readOnly() {
        return (session, table, batch) -> session.find(table.entityType(), batch.stream().map(table.primaryKey()).toArray())
                .map(found -> new Guarded<>(found, Map.of()));
    }
}
