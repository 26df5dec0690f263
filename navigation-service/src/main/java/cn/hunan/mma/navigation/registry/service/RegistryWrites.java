package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.navigation.registry.domain.RegistryChanged;
import cn.hunan.mma.navigation.registry.persistence.RegistryRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Optional;
import java.util.function.Function;

/**
 * Create-or-revise of one registry row by an operator (PUT semantics), for the kinds whose rows
 * depend on nothing else once checked: specialties and guidance-catalogue entries. The version is
 * the row's last event id, as for institutions ({@link InstitutionEditing}): a new row is created
 * without If-Match; an existing one is revised only with its current version or {@code If-Match: *}
 * (the row is locked while it is compared), and any If-Match on a row that does not exist is 412. A change is written with its outbox event, to the table's topic keyed as
 * the importer keys it, in one transaction; an unchanged statement publishes nothing.
 */
@ApplicationScoped
public class RegistryWrites {

    /**
     * Attempts of one edit's transaction when PostgreSQL aborts it for another one — a deadlock (40P01) or a
     * serialization failure (40001) rolls the whole transaction back, so it is run again afresh, reading what the other
     * committed. Bounded: an edit answers rather than hanging while the registry is contended; after the last attempt,
     * or on any other outage, it is 503 with Retry-After ({@link RegistryUnavailableException}), never 500.
     */
    static final int ATTEMPTS = 3;

    private final Mutiny.SessionFactory sessions;
    private final Event<RegistryChanged> changed;

    public RegistryWrites(Mutiny.SessionFactory sessions, Event<RegistryChanged> changed) {
        this.sessions = sessions;
        this.changed = changed;
    }

    /** The row after the put, and whether it was created by it. */
    public record Put<E>(E row, boolean created) {
    }

    /**
     * Puts the snapshot (whose event id and time are the new ones to publish) into its table.
     *
     * @param expectedVersion the If-Match version (or {@code *}); absent to create
     * @param what            the row as messages name it
     */
    public <S extends MatrixSnapshot, E extends RegistryRow<S>> Uni<Put<E>> put(
            Mutiny.Session session, RegistryTable<S, E> table, S snapshot, Optional<ExpectedVersion> expectedVersion, String what) {
        return session.find(table.entityType(), table.primaryKey().apply(snapshot), LockModeType.PESSIMISTIC_WRITE)
                .chain(row -> {
                    if (row == null) {
                        return create(session, table, snapshot, expectedVersion, what);
                    }
                    ExpectedVersion expected = expectedVersion.orElseThrow(() -> new VersionRequiredException(what));
                    if (!expected.matches(row.lastEventId())) {
                        return Uni.createFrom().failure(new StaleVersionException(what));
                    }
                    if (row.holds(snapshot)) {
                        return Uni.createFrom().item(new Put<>(row, false));
                    }
                    row.apply(snapshot); // managed: flushed at commit
                    return session.persist(outbox(table, snapshot)).replaceWith(new Put<>(row, false));
                });
    }

    private static <S extends MatrixSnapshot, E extends RegistryRow<S>> Uni<Put<E>> create(
            Mutiny.Session session, RegistryTable<S, E> table, S snapshot, Optional<ExpectedVersion> expectedVersion, String what) {
        if (expectedVersion.isPresent()) {
            // If-Match on something that does not exist is false, "*" included: a put with it never creates (RFC 9110 §13.1.1).
            return Uni.createFrom().failure(new StaleVersionException(what + " (it does not exist)"));
        }
        E row = table.newRow().apply(snapshot);
        return session.persistAll(row, outbox(table, snapshot)).replaceWith(new Put<>(row, true));
    }

    private static <S extends MatrixSnapshot> OutboxEventEntity outbox(RegistryTable<S, ?> table, S snapshot) {
        return OutboxEventEntity.of(ContractOutboxEvents.of(table.topic(), snapshot));
    }

    /**
     * Runs the work in one transaction; once it has committed, snapshot holders learn the registry
     * changed, and the edit answers when they have taken it in (recommendations show it at once).
     * Every operator edit of the registry goes through here.
     */
    public <T> Uni<T> transaction(Function<Mutiny.Session, Uni<T>> work) {
        return announced(committed(work));
    }

    /**
     * {@link #transaction(Function)} for a put that may create its row: two creations of one row
     * racing past the lookup, the primary key decides and the loser gets 409.
     */
    public <T> Uni<T> transaction(Function<Mutiny.Session, Uni<T>> work, String what) {
        return announced(committed(work)
                .onFailure(ConstraintViolationException.class)
                .transform(e -> new RegistryConflictException(what + " was created concurrently; read it and retry")));
    }

    /** The work in a transaction of its own, run again (a new session each time) when PostgreSQL aborted it for another. */
    private <T> Uni<T> committed(Function<Mutiny.Session, Uni<T>> work) {
        return Uni.createFrom().deferred(() -> sessions.withTransaction(work))
                .onFailure(DatabaseError::abortedForAnother).retry().atMost(ATTEMPTS - 1)
                .onFailure(DatabaseError::isOutage).transform(RegistryUnavailableException::new);
    }

    private <T> Uni<T> announced(Uni<T> committed) {
        return committed.call(() -> Uni.createFrom().completionStage(() -> changed.fireAsync(new RegistryChanged())));
    }
}
