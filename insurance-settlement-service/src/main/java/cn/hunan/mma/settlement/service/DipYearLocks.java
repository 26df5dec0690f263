package cn.hunan.mma.settlement.service;

/**
 * Advisory locks per rule area and DIP year, held to commit. A batch that settles DIP cases takes its areas' years
 * shared before it reads which years are cleared; a clearing takes its year exclusive before it reads the year's cases.
 * So a case is either settled before the clearing reads the year (and is revalued by it) or after the clearing
 * commits (and is priced at the cleared point value) — never stored at the provisional value beside a clearing that
 * missed it.
 */
final class DipYearLocks {

    private static final int CLASS = 0x44495059;

    /** $1 the keys ({@link DischargeBatch#clearedYear}); in one order, so two batches cannot wait on each other. */
    static final String SHARED = "SELECT count(pg_advisory_xact_lock_shared(" + CLASS + ", k)) "
            + "FROM (SELECT DISTINCT hashtext(y) AS k FROM unnest($1::text[]) AS y ORDER BY k) AS years";

    /** $1 the key. */
    static final String EXCLUSIVE = "SELECT pg_advisory_xact_lock(" + CLASS + ", hashtext($1))";

    private DipYearLocks() {
    }
}
