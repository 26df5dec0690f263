package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.navigation.registry.persistence.AllianceEntity;
import cn.hunan.mma.navigation.registry.persistence.InstitutionEntity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The one order every writer of the registry — operator edits and the importer alike — locks rows in, before it reads
 * what its rules judge and before it writes: alliance rows first, then institution rows, each kind in ascending id
 * order (code-point order; ids are ASCII, and the database's own collation may sort "aa" before "Zb" where Java does
 * not, so the statements sort {@code ucs_basic}), a slice of {@value #SLICE} ids per statement, the slices cut in the
 * same order. Two writers taking their locks this way never wait on each other in a cycle. Before 2026-11-25 (7) the
 * importer took no lock before writing: its rows were locked by its updates at the commit's flush, which Hibernate
 * happens to sort by id (Quarkus turns {@code hibernate.order_updates} on) — the same order, but by a setting's
 * grace, and too late for its rules, which read the rows unlocked (see {@link InstitutionBatchGuard}).
 * <p>
 * The lock is JPA's {@code PESSIMISTIC_WRITE}, which Hibernate's PostgreSQL dialect emits as {@code FOR NO KEY UPDATE},
 * not {@code FOR UPDATE}. That is enough: it conflicts with itself, with {@code FOR UPDATE}/{@code FOR SHARE} and with
 * the {@code UPDATE}s every writer makes, so two writers of the same row still take turns; it lets through only
 * {@code FOR KEY SHARE}, which PostgreSQL's foreign-key checks take (a specialty or alliance member row inserted for the
 * institution), and the registry never changes an id, so nothing those checks guard can change under them.
 */
final class RegistryLocks {

    /** Small enough for one statement's parameters. */
    static final int SLICE = 1_000;

    private RegistryLocks() {
    }

    /** The registered institutions among the ids, locked ({@code FOR NO KEY UPDATE}) in the registry's order. */
    static Uni<List<InstitutionEntity>> institutions(Mutiny.Session session, Collection<String> ids) {
        return institutions(session, ids, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The registered institutions among the ids, share-locked ({@code PESSIMISTIC_READ}: {@code FOR SHARE}) in the
     * registry's order, for a writer that only needs them to stay as they are while it states rows at them (the import's
     * specialties, as {@link SpecialtyEditing} locks its one institution). {@code FOR SHARE} conflicts with
     * {@code FOR NO KEY UPDATE} and with every {@code UPDATE}, so an institution edit or retirement waits for the batch
     * (or the batch for it); it does not conflict with itself or {@code FOR KEY SHARE}, so operators' specialty edits
     * and the foreign-key checks do not queue behind the import. {@code FOR KEY SHARE} would not do: an {@code UPDATE}
     * leaving the key alone takes {@code FOR NO KEY UPDATE}, which lets it through — a retirement would commit under it.
     */
    static Uni<List<InstitutionEntity>> institutionsShared(Mutiny.Session session, Collection<String> ids) {
        return institutions(session, ids, LockModeType.PESSIMISTIC_READ);
    }

    private static Uni<List<InstitutionEntity>> institutions(Mutiny.Session session, Collection<String> ids, LockModeType lock) {
        return Multi.createFrom().iterable(slices(ids))
                .onItem().transformToUniAndConcatenate(slice -> institutionSlice(session, slice, lock))
                .collect().in(ArrayList<InstitutionEntity>::new, List::addAll)
                .map(List::copyOf);
    }

    /** One slice's registered institutions, locked in the registry's order; the slice must be in that order too. */
    static Uni<List<InstitutionEntity>> institutionSlice(Mutiny.Session session, List<String> slice) {
        return institutionSlice(session, slice, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Uni<List<InstitutionEntity>> institutionSlice(Mutiny.Session session, List<String> slice, LockModeType lock) {
        return session.createSelectionQuery("from InstitutionEntity i where i.id in :ids order by collate(i.id as ucs_basic)",
                        InstitutionEntity.class)
                .setParameter("ids", slice)
                .setLockMode(lock)
                .getResultList();
    }

    /** The existing alliances among the ids, locked in the registry's order (before any institution). */
    static Uni<List<AllianceEntity>> alliances(Mutiny.Session session, Collection<String> ids) {
        return Multi.createFrom().iterable(slices(ids))
                .onItem().transformToUniAndConcatenate(slice -> session.createSelectionQuery(
                                "from AllianceEntity a where a.id in :ids order by collate(a.id as ucs_basic)", AllianceEntity.class)
                        .setParameter("ids", slice)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList())
                .collect().in(ArrayList<AllianceEntity>::new, List::addAll)
                .map(List::copyOf);
    }

    /** The distinct ids in the registry's order, cut into slices of {@value #SLICE}. */
    static List<List<String>> slices(Collection<String> ids) {
        List<String> ordered = List.copyOf(new TreeSet<>(ids));
        List<List<String>> slices = new ArrayList<>();
        for (int from = 0; from < ordered.size(); from += SLICE) {
            slices.add(ordered.subList(from, Math.min(ordered.size(), from + SLICE)));
        }
        return slices;
    }
}
