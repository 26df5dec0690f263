package cn.hunan.mma.benchmark.referral;

import java.util.Map;
import java.util.Set;

/**
 * The count check: every event a successful call announced (one per referral and event type) must
 * be on the topic at least once as a raw record and exactly once after deduplication by event id.
 * Two different event ids for one referral's transition would be a double publication, not a
 * redelivery; a record of a referral the benchmark did not create is stray.
 *
 * @param expected        events the successful calls announced
 * @param delivered       of those, found on the topic
 * @param lost            expected but never seen
 * @param doubled         expected transitions seen under more than one event id
 * @param rawRecords      records read for the benchmark's referrals, duplicates included
 * @param redelivered     raw records beyond the first of their event id (at-least-once duplicates)
 * @param unexpected      event ids of the benchmark's referrals no call accounts for (a call that got
 *                        no answer may have committed: its event is not counted here)
 */
record DeliveryCheck(long expected, long delivered, long lost, long doubled, long rawRecords, long redelivered,
                     long unexpected) {

    /**
     * @param expectedTypes referral id → the event types its successful calls announced
     * @param uncertainTypes referral id → the event types of calls that got no answer
     * @param seen          referral id → event type → event id → raw records with that id
     */
    static DeliveryCheck of(Map<String, Set<String>> expectedTypes, Map<String, Set<String>> uncertainTypes,
                            Map<String, Map<String, Map<String, Integer>>> seen) {
        long expected = 0;
        long delivered = 0;
        long lost = 0;
        long doubled = 0;
        long raw = 0;
        long redelivered = 0;
        long unexpected = 0;
        for (Map.Entry<String, Set<String>> referral : expectedTypes.entrySet()) {
            Map<String, Map<String, Integer>> byType = seen.getOrDefault(referral.getKey(), Map.of());
            for (String type : referral.getValue()) {
                expected++;
                Map<String, Integer> ids = byType.getOrDefault(type, Map.of());
                if (ids.isEmpty()) {
                    lost++;
                } else {
                    delivered++;
                    if (ids.size() > 1) {
                        doubled++;
                    }
                }
            }
            for (Map.Entry<String, Map<String, Integer>> type : byType.entrySet()) {
                for (int copies : type.getValue().values()) {
                    raw += copies;
                    redelivered += copies - 1;
                }
                if (!referral.getValue().contains(type.getKey())
                        && !uncertainTypes.getOrDefault(referral.getKey(), Set.of()).contains(type.getKey())) {
                    unexpected += type.getValue().size();
                }
            }
        }
        return new DeliveryCheck(expected, delivered, lost, doubled, raw, redelivered, unexpected);
    }

    /** Exactly once after deduplication, at least once raw, nothing the calls do not account for. */
    boolean passed() {
        return lost == 0 && doubled == 0 && unexpected == 0;
    }
}
