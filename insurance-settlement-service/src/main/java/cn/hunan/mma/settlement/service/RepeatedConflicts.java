package cn.hunan.mma.settlement.service;

import cn.hunan.mma.platform.messaging.PgErrors;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Bounds how often one batch is settled again for a {@link StandingVersionConflict}. A real race is over once the
 * other batch has committed: the next attempt reads its version. The same conflict on every attempt is a fault in
 * working out which versions a batch replaces (two reviews found such faults); retried as an outage it would stop the
 * partition for good. After {@link #LIMIT} conflicts in a row the batch fails for good instead — its discharges go to
 * the dead-letter topic with the reason, to be replayed once the fault is fixed — and the consumer moves on.
 */
public final class RepeatedConflicts {

    static final int LIMIT = 5;

    private int conflicts;

    /** The work, each attempt's conflict counted; past the limit it fails with an error no retry takes for transient. */
    public <T> Supplier<Uni<T>> bounded(Supplier<Uni<T>> work) {
        return () -> work.get()
                .onFailure(failure -> PgErrors.first(failure, StandingVersionConflict.class).isPresent())
                .transform(conflict -> ++conflicts < LIMIT ? conflict
                        : new IllegalStateException("the batch met a version of one of its stays in the one-standing-version "
                        + "index on " + LIMIT + " attempts in a row: not a race but a fault in what it replaces ("
                        + conflict.getMessage() + ")"));   // not its cause: a conflict among the causes is transient
    }
}
