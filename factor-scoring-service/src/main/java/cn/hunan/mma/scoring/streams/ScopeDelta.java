package cn.hunan.mma.scoring.streams;

import java.util.List;
import java.util.Map;

/**
 * The change to one scope's month from the records one ledger task counted (or took back out)
 * since it last forwarded: measure → amount, a sample of the contributing event ids for lineage,
 * and the latest time one of them happened, for period closing.
 *
 * @param scope    "INSTITUTION:430321H0001", "ALLIANCE:CC-430321", "COUNTY:430321", …
 * @param month    "2025-03"
 * @param eventIds the first few contributing event ids, in the order they were counted
 */
public record ScopeDelta(String scope, String month, Map<String, Long> values, List<String> eventIds, long occurredAtMillis) {
}
