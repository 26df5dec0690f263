package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.value.InstitutionId;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the platform last received a capacity event from each institution, of any type and for any
 * department: whether its feed is alive. Slot figures are change-based — a department reports
 * nothing while nobody books — and the contract has no heartbeat, so a quiet department's figures
 * are as true as its hospital's feed is alive, however old its own last change is.
 *
 * <p>Times are when an event reached the platform (its Kafka record's timestamp, or the view's
 * clock), not its {@code occurredAt}: an event that lands late says the feed is alive now, and a
 * topic replayed on start says when the hospital really last reported. Kept per institution as one
 * {@link AtomicLong} changed in place (epoch milliseconds, never moving back), keyed by the id's
 * text (institution ids collide in their hash codes, see the registry snapshot).
 */
final class FeedLiveness {

    /** For an institution never heard from: silent since forever. */
    static final long NEVER = Long.MIN_VALUE;

    private final ConcurrentHashMap<String, AtomicLong> lastHeard = new ConcurrentHashMap<>();

    void heard(InstitutionId institution, long epochMillis) {
        AtomicLong last = lastHeard.computeIfAbsent(institution.value(), id -> new AtomicLong(NEVER));
        last.accumulateAndGet(epochMillis, Math::max);
    }

    /** Epoch milliseconds of the latest event received from the institution, or {@link #NEVER}. */
    long lastHeard(InstitutionId institution) {
        AtomicLong last = lastHeard.get(institution.value());
        return last == null ? NEVER : last.get();
    }
}
