package cn.hunan.mma.settlement.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Advisory locks, held to commit, on every version up the chain of {@code corrects_event_id} from the ids a batch gives
 * ($1): its corrections and the versions they name. Two corrections of one stay or visit then share a lock — the top of
 * the stored chain, or, when one names the other while it is in flight, the earlier correction's own id — and the later
 * batch waits for the earlier one's commit and reads its correction standing. Without it the later correction reads
 * nothing where the in-flight one will be, is keyed by it instead of by the first report, and both stand.
 *
 * <p>One lock class per table: a stay's and a visit's versions never wait on each other. Keys sorted, in one statement,
 * so no two batches wait on each other in a cycle. UNION ends a stored cycle.
 *
 * <p>The statement walks the chain as it stood when it started, before any wait: a version committed during the wait
 * can reach further up, to a version still in flight, which it did not lock ({@link #hold}: the walk is repeated until it
 * finds nothing new).
 */
final class VersionChainLocks {

    /** The versions of inpatient stays ({@link CaseSettlementService#LOCK_STAYS}): "STAY". */
    static final int STAY_CLASS = 0x53544159;
    /** The versions of outpatient visits ({@link OutpatientSpend#LOCK_VISITS}): "VIST". */
    static final int VISIT_CLASS = 0x56495354;

    private VersionChainLocks() {
    }

    /**
     * The statement locking the chains above $1 ({@code uuid[]}) in {@code table}, whose versions are keyed by {@code id};
     * it answers one row, the versions it walked and locked.
     */
    static String upFrom(int lockClass, String table, String id) {
        return "WITH RECURSIVE up(id) AS (SELECT unnest($1::uuid[]) "
                + "UNION SELECT c.corrects_event_id FROM up JOIN " + table + " c ON c." + id + " = up.id "
                + "WHERE c.corrects_event_id IS NOT NULL), "
                + "version_locks AS (SELECT count(pg_advisory_xact_lock(" + lockClass + ", k)) AS locked "
                + "FROM (SELECT DISTINCT hashtext(id::text) AS k FROM up ORDER BY k) AS keys) "
                + "SELECT (SELECT array_agg(id) FROM up) FROM version_locks";
    }

    /**
     * Locks the chains above {@code versions} with {@code statement} ({@link #upFrom}), then walks them again, each walk in
     * a snapshot of its own, until a walk finds no version the locks missed. The traced case (helper-105): R (correcting
     * I) in flight; C's batch, correcting R, walks from C and R — R is not visible — and waits on R's lock; I's batch waits
     * on I's, which R's batch holds too. R commits: both go on. C's batch, having locked only C and R, replaced R and was
     * keyed by I, the top of what it could see; I's batch re-keyed the versions above it as it saw them, R but not C (not
     * committed), and P, the first report, recorded meanwhile, stood beside C. Walked again, C's chain reaches I: the batch
     * waits for I's and then sees the chain to P. A version found only now is locked out of the sorted order: two batches
     * may deadlock (40P01), and the one PostgreSQL aborts is settled again as after any deadlock.
     *
     * <p>Costs one statement more than a single walk for a batch with corrections (the second walk, which finds nothing
     * new unless a version above them committed while the batch waited).
     */
    static Uni<Void> hold(SqlConnection connection, String statement, UUID[] versions) {
        return walk(connection, statement, versions).chain(locked -> again(connection, statement, versions, locked));
    }

    private static Uni<Void> again(SqlConnection connection, String statement, UUID[] versions, Set<UUID> locked) {
        return walk(connection, statement, versions).chain(walked -> locked.containsAll(walked)
                ? Uni.createFrom().voidItem()
                : again(connection, statement, versions, walked));
    }

    /** One walk, its versions locked (again: a lock the transaction holds is granted at once). */
    private static Uni<Set<UUID>> walk(SqlConnection connection, String statement, UUID[] versions) {
        return connection.preparedQuery(statement).execute(Tuple.of((Object) versions))
                .map(rows -> {
                    Set<UUID> walked = new HashSet<>();
                    rows.forEach(row -> walked.addAll(Arrays.asList(row.getArrayOfUUIDs(0))));
                    return walked;
                });
    }
}
