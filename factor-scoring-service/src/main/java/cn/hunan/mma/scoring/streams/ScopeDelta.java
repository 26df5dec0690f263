package cn.hunan.mma.scoring.streams;

import java.util.Map;

/**
 * One counted (or retracted) event's change to one scope's month: measure → amount (negative for
 * a retraction), with the event id for lineage and the time it happened for period closing.
 *
 * @param scope    "INSTITUTION:430321H0001", "ALLIANCE:CC-430321", "COUNTY:430321", …
 * @param month    "2025-03"
 */
public record ScopeDelta(String scope, String month, Map<String, Long> values, String eventId, long occurredAtMillis) {
}
