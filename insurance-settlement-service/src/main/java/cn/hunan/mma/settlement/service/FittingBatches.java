package cn.hunan.mma.settlement.service;

import cn.hunan.mma.platform.messaging.DatabaseOutages;
import cn.hunan.mma.platform.messaging.PgErrors;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch settled as a whole, or — when its locks do not fit in the server's lock table (53200 "out of shared memory":
 * a poll of thousands of corrections, each locking its stay's chain, say) — as two halves, each in its own transaction,
 * and so on down, as two smaller polls would be. Before 2026-11-25 (4) such a batch was retried whole as an outage,
 * failed the same way every time, and its partition stood still.
 *
 * <p>Once a first half has committed, the second half's failure is that half's alone: unless it is an outage (then the
 * whole batch is settled again, the committed half skipped as already settled), each of its discharges is refused with
 * the failure, to be dead-lettered, and the committed half is acknowledged. Before 2026-11-25 (5) the whole batch was
 * nacked, and the committed half's discharges reached the DLT beside their own settlements.
 */
final class FittingBatches {

    private static final Logger LOG = Logger.getLogger(FittingBatches.class);
    private static final String OUT_OF_SHARED_MEMORY = "53200";

    private FittingBatches() {
    }

    static <T> Uni<CaseSettlementService.BatchResult> settle(List<T> batch,
                                                            Function<List<T>, Uni<CaseSettlementService.BatchResult>> settleWhole) {
        return settleWhole.apply(batch).onFailure(FittingBatches::lockTableFull).recoverWithUni(failure -> {
            if (batch.size() < 2) {
                return Uni.createFrom().failure(failure);
            }
            int half = batch.size() / 2;
            List<T> second = batch.subList(half, batch.size());
            LOG.warnf("A batch of %d records needs more locks than the server's lock table holds; settling it in halves",
                    batch.size());
            return settle(batch.subList(0, half), settleWhole).chain(first -> settle(second, settleWhole)
                    .onFailure(secondFailure -> !DatabaseOutages.isTransient(secondFailure))
                    .recoverWithItem(secondFailure -> refusedAll(second.size(), secondFailure))
                    .map(rest -> first.then(rest, half)));
        });
    }

    private static CaseSettlementService.BatchResult refusedAll(int count, Throwable failure) {
        LOG.warnf(failure, "The second half of a split batch failed after its first half committed: its %d records are "
                + "dead-lettered with the failure", count);
        Map<Integer, CaseNotSettledException> refused = new HashMap<>();
        for (int i = 0; i < count; i++) {
            refused.put(i, new CaseNotSettledException("the part of its batch it was settled in failed, after the batch "
                    + "was split for the lock table: " + failure, failure));
        }
        return new CaseSettlementService.BatchResult(0, refused);
    }

    private static boolean lockTableFull(Throwable failure) {
        return PgErrors.hasState(failure, OUT_OF_SHARED_MEMORY);
    }
}
