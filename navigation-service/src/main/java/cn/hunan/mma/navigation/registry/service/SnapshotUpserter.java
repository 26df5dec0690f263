package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.events.matrix.MatrixSnapshot;
import cn.hunan.mma.navigation.registry.domain.ImportTally;
import cn.hunan.mma.navigation.registry.domain.MatrixRules;
import cn.hunan.mma.navigation.registry.domain.RejectedRow;
import cn.hunan.mma.navigation.registry.domain.RuleViolation;
import cn.hunan.mma.navigation.registry.domain.UpsertOutcome;
import cn.hunan.mma.navigation.registry.persistence.RegistryRow;
import cn.hunan.mma.navigation.registry.persistence.RegistryTable;
import cn.hunan.mma.platform.outbox.ContractOutboxEvents;
import cn.hunan.mma.platform.outbox.OutboxEventEntity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes snapshots into their registry table in batches, one transaction each: a new or changed
 * row is written together with its outbox event (so it is published exactly when it commits), an
 * unchanged row is left alone and publishes nothing. A row the database refuses is reported, not fatal; so is a row
 * its kind's {@link BatchGuard} refuses under the batch's locks.
 */
@ApplicationScoped
public class SnapshotUpserter {

    /** Rows per transaction: large enough to amortise the commit, small enough to keep sessions lean. */
    static final int BATCH_SIZE = 500;

    private static final Logger LOG = Logger.getLogger(SnapshotUpserter.class);

    private final Mutiny.SessionFactory sessions;

    public SnapshotUpserter(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** For rows no other row's writer judges (catalogue entries): read without a lock, nothing refused. */
    public <S extends MatrixSnapshot, E extends RegistryRow<S>> Uni<Void> upsertAll(
            RegistryTable<S, E> table, List<NumberedSnapshot<S>> rows, ImportTally tally) {
        return upsertAll(table, rows, BatchGuard.readOnly(), tally);
    }

    /** With the guard locking and judging each batch inside its transaction, before anything is written. */
    <S extends MatrixSnapshot, E extends RegistryRow<S>> Uni<Void> upsertAll(
            RegistryTable<S, E> table, List<NumberedSnapshot<S>> rows, BatchGuard<S, E> guard, ImportTally tally) {
        List<List<NumberedSnapshot<S>>> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += BATCH_SIZE) {
            batches.add(rows.subList(start, Math.min(rows.size(), start + BATCH_SIZE)));
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> upsertOrBisect(table, batch, guard, tally))
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * One transaction for the rows; when the database refuses one of them, the whole transaction is rolled back,
     * so the rows are written again in two halves, down to the refused row alone, which is reported. A batch with
     * one refused row costs about twice log2(500) ≈ 18 more transactions; the good rows commit with their outbox
     * events, and a later import finds them unchanged. Any other failure fails the import.
     */
    private <S extends MatrixSnapshot, E extends RegistryRow<S>> Uni<Void> upsertOrBisect(
            RegistryTable<S, E> table, List<NumberedSnapshot<S>> rows, BatchGuard<S, E> guard, ImportTally tally) {
        return upsertBatch(table, rows, guard)
                .onItem().invoke(result -> result.addTo(tally))
                .replaceWithVoid()
                .onFailure(DatabaseError::refusesRow).recoverWithUni(failure -> {
                    if (rows.size() == 1) {
                        refused(table, rows.get(0), DatabaseError.in(failure).orElseThrow(), tally);
                        return Uni.createFrom().voidItem();
                    }
                    int half = rows.size() / 2;
                    return upsertOrBisect(table, rows.subList(0, half), guard, tally)
                            .chain(() -> upsertOrBisect(table, rows.subList(half, rows.size()), guard, tally));
                });
    }

    private static <S extends MatrixSnapshot> void refused(
            RegistryTable<S, ?> table, NumberedSnapshot<S> row, DatabaseError refusal, ImportTally tally) {
        LOG.warnf("The database refused line %d of %s: %s", row.line(), table.file().fileName(), refusal.detail());
        tally.reject(new RejectedRow(table.file().fileName(), row.line(), DatabaseError.REFUSED_BY_DATABASE,
                refusal.detail()));
    }

    // A fresh session per batch, so the persistence context never grows beyond one batch.
    private <S extends MatrixSnapshot, E extends RegistryRow<S>> Uni<BatchResult> upsertBatch(
            RegistryTable<S, E> table, List<NumberedSnapshot<S>> batch, BatchGuard<S, E> guard) {
        List<S> snapshots = batch.stream().map(NumberedSnapshot::snapshot).toList();
        return sessions.openSession()
                .chain(session -> session.withTransaction(tx -> guard.guard(session, table, snapshots)
                                .chain(guarded -> write(session, table, batch, byKey(guarded.existing()), guarded.refused())))
                        .eventually(session::close));
    }

    private static <S extends MatrixSnapshot, E extends RegistryRow<S>> Map<Object, E> byKey(List<E> found) {
        Map<Object, E> rows = new HashMap<>();
        for (E row : found) {
            if (row != null) {
                rows.put(row.registryKey(), row);
            }
        }
        return rows;
    }

    private <S extends MatrixSnapshot, E extends RegistryRow<S>> Uni<BatchResult> write(
            Mutiny.Session session, RegistryTable<S, E> table, List<NumberedSnapshot<S>> batch, Map<Object, E> existing,
            Map<Object, RuleViolation> refused) {
        BatchResult result = new BatchResult();
        List<Object> toPersist = new ArrayList<>();
        for (NumberedSnapshot<S> numbered : batch) {
            S snapshot = numbered.snapshot();
            Object key = table.primaryKey().apply(snapshot);
            E row = existing.get(key);
            RuleViolation violation = refused.get(key);
            if (violation != null) {
                result.reject(new RejectedRow(table.file().fileName(), numbered.line(), violation.reason(),
                        "$." + violation.field() + ": " + violation.detail()));
            } else if (row == null) {
                toPersist.add(table.newRow().apply(snapshot));
                toPersist.add(OutboxEventEntity.of(ContractOutboxEvents.of(table.topic(), snapshot)));
                result.count(UpsertOutcome.INSERTED);
            } else if (row.holds(snapshot)) {
                result.count(UpsertOutcome.UNCHANGED);
            } else if (row.reusesEventIdOf(snapshot)) {
                result.reject(new RejectedRow(table.file().fileName(), numbered.line(), MatrixRules.EVENT_ID_REUSED,
                        "the content changed but the event id is the one already published for this row"));
            } else {
                row.apply(snapshot); // managed: flushed at commit
                toPersist.add(OutboxEventEntity.of(ContractOutboxEvents.of(table.topic(), snapshot)));
                result.count(UpsertOutcome.UPDATED);
            }
        }
        return session.persistAll(toPersist.toArray()).replaceWith(result);
    }
}
