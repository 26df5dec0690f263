package cn.hunan.mma.settlement.service;

/**
 * Advisory locks, held to commit, on every version up the chain of {@code corrects_event_id} from the ids a batch gives
 * ($1): its corrections and the versions they name. Two corrections of one stay or visit then share a lock — the top of
 * the stored chain, or, when one names the other while it is in flight, the earlier correction's own id — and the later
 * batch waits for the earlier one's commit and reads its correction standing. Without it the later correction reads
 * nothing where the in-flight one will be, is keyed by it instead of by the first report, and both stand.
 *
 * <p>One lock class per table: a stay's and a visit's versions never wait on each other. Keys sorted, in one statement,
 * so no two batches wait on each other in a cycle. UNION ends a stored cycle.
 */
final class VersionChainLocks {

    /** The versions of inpatient stays ({@link CaseSettlementService#LOCK_STAYS}): "STAY". */
    static final int STAY_CLASS = 0x53544159;
    /** The versions of outpatient visits ({@link OutpatientSpend#LOCK_VISITS}): "VIST". */
    static final int VISIT_CLASS = 0x56495354;

    private VersionChainLocks() {
    }

    /** The statement locking the chains above $1 ({@code uuid[]}) in {@code table}, whose versions are keyed by {@code id}. */
    static String upFrom(int lockClass, String table, String id) {
        return "WITH RECURSIVE up(id) AS (SELECT unnest($1::uuid[]) "
                + "UNION SELECT c.corrects_event_id FROM up JOIN " + table + " c ON c." + id + " = up.id "
                + "WHERE c.corrects_event_id IS NOT NULL) "
                + "SELECT count(pg_advisory_xact_lock(" + lockClass + ", k)) "
                + "FROM (SELECT DISTINCT hashtext(id::text) AS k FROM up ORDER BY k) AS version_locks";
    }
}
