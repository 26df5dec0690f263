package cn.hunan.mma.settlement.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cases settled and sent to expert review so far, per rule area, settlement year and method: the basis of the
 * review cap (about 5% of DRG cases, 5‰ of DIP cases), which each area's rules set for the cases they price — counted
 * over the province, one area's outliers would use up another's cap, and an area with a lower cap would be held to
 * the province's ratio. Counting them in the table for every case
 * would cost a scan per discharge; they are read once per area, year and method and then kept up to date
 * as batches commit — their standing cases added, the stored versions their corrections replace withdrawn — so that
 * they hold what a fresh read of the table would ({@code CaseSettlementService.COUNTS}). Discharges are consumed by one
 * consumer per partition set; with several service instances each counts what it has seen since its start on top of
 * the table, so the cap is applied approximately — it is an "about" cap in the rules too.
 */
@ApplicationScoped
public class ReviewCounts {

    static final String EXPERT_REVIEW = "EXPERT_REVIEW";

    /**
     * The area whose rules priced the cases (a version's area, e.g. 430000 for the province's seed), a settlement
     * year and a payment method (DRG or DIP).
     */
    record Key(String area, int year, String method) {
    }

    /** Where a stored standing version counts, as the table's count reads it: its key, and whether it went to review. */
    record Counted(Key key, boolean review) {
    }

    private final Map<Key, long[]> counts = new ConcurrentHashMap<>();

    boolean knows(Key key) {
        return counts.containsKey(key);
    }

    /** Loaded from the table the first time a key is needed. */
    void load(Key key, long cases, long reviews) {
        counts.putIfAbsent(key, new long[] {cases, reviews});
    }

    /** {cases, reviews} so far; zeros for a key never loaded. */
    long[] of(Key key) {
        long[] value = counts.get(key);
        return value == null ? new long[2] : value.clone();
    }

    /** After a batch committed: its settled cases and reviews. */
    void add(Map<Key, long[]> increments) {
        increments.forEach((key, added) -> counts.merge(key, added.clone(), (old, more) -> new long[] {old[0] + more[0], old[1] + more[1]}));
    }

    /**
     * After a batch committed: the stored versions its corrections replaced, which the table no longer counts. A key
     * never loaded is left alone — its first load reads the table, which already leaves them out; created here it would
     * never be loaded. Never below zero: a key loaded after the commit, before this, already left them out.
     */
    void withdraw(Map<Key, long[]> withdrawals) {
        withdrawals.forEach((key, gone) -> counts.computeIfPresent(key, (known, old) ->
                new long[] {Math.max(0, old[0] - gone[0]), Math.max(0, old[1] - gone[1])}));
    }
}
