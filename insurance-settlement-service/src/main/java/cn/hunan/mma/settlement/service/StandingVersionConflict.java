package cn.hunan.mma.settlement.service;

import cn.hunan.mma.platform.messaging.ConcurrentChangeException;
import cn.hunan.mma.platform.messaging.PgErrors;
import io.smallrye.mutiny.Uni;

/**
 * A batch's settlement met, in the one-standing-version index (V26), a version of one of its stays it did not replace.
 * Normally another batch committed that version meanwhile, and settled again the batch reads it: transient. Met again
 * and again, it is a version the batch reads and still does not replace — a fault, which {@link RepeatedConflicts}
 * turns into a failure of the batch, dead-lettered, rather than a partition retried for ever.
 */
public class StandingVersionConflict extends ConcurrentChangeException {
    public StandingVersionConflict(String message) {
        super(message);
    }

    /**
     * The statement met another batch's version in the one-standing-version {@code index}, committed meanwhile: the
     * batch is done again (retried as a deadlock is) and then reads it.
     */
    static <T> Uni<T> ifMetIn(String index, Uni<T> statement) {
        return statement.onFailure(failure -> PgErrors.in(failure).filter(error -> "23505".equals(error.getSqlState())
                        && index.equals(error.getConstraint())).isPresent())
                .transform(failure -> new StandingVersionConflict("another batch stored a version of one of this batch's "
                        + "stays or visits meanwhile (" + failure.getMessage() + "): doing the batch again"));
    }
}
