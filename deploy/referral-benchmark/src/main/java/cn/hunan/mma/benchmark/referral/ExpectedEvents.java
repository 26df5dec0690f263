package cn.hunan.mma.benchmark.referral;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the successful calls announced: per referral, the event types its transitions published.
 * A call that got no answer (a client timeout) may still have committed: its event is neither
 * expected nor unexpected.
 */
final class ExpectedEvents {

    private final Map<String, Set<String>> byReferral = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> uncertain = new ConcurrentHashMap<>();
    private final AtomicLong count = new AtomicLong();

    void announced(String referralId, CallType call) {
        if (byReferral.computeIfAbsent(referralId, id -> ConcurrentHashMap.newKeySet()).add(call.eventType())) {
            count.incrementAndGet();
        }
    }

    void unanswered(String referralId, CallType call) {
        uncertain.computeIfAbsent(referralId, id -> ConcurrentHashMap.newKeySet()).add(call.eventType());
    }

    Map<String, Set<String>> uncertain() {
        return uncertain;
    }

    long count() {
        return count.get();
    }

    long referrals() {
        return byReferral.size();
    }

    Map<String, Set<String>> byReferral() {
        return byReferral;
    }
}
