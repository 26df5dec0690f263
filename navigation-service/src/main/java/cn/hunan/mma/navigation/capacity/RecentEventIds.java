package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.capacity.SessionPeriod;
import cn.hunan.mma.events.value.EventId;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * The last {@code capacity} event ids seen, oldest forgotten first, each with the slot change it
 * applied while that change is in force — so that a correction naming it can take the change out
 * again — and whether the id has arrived at all or was only named by a correction that came first.
 * Not thread-safe: its owner guards it. A duplicate older than the window is applied again, and a
 * correction of an event older than the window cannot undo it; the window is sized so that
 * redeliveries and corrections (which follow the original closely) fall well inside it.
 *
 * <p>Kept as primitives in one {@code long[]} ring, five longs per id, grown on demand up to the
 * window, and searched by a plain scan (at most the window's 512 ids). Why not a set of
 * {@link EventId}s with change records: at 1,000 capacity events a second every id kept an entry,
 * a record and its text alive for the whole window, so they were promoted into the old generation,
 * and linking each into the set wrote references into old objects all over the heap — cards that
 * every young collection has to scan, which made those pauses the recommendations' tail latency.
 * Writing longs marks no card, and an id with its change costs 40 bytes instead of about 200.
 */
final class RecentEventIds {

    private static final int FIRST_ROOM = 8;
    private static final int STRIDE = 5; // id (2), state, public deltas, referral deltas

    // The state word: flags in the low byte, the session's period in the next, its epoch day in the high half.
    private static final long ARRIVED = 1;
    private static final long IN_FORCE = 2;
    private static final long TOUCHES_PUBLIC = 4;
    private static final long TOUCHES_REFERRAL = 8;
    private static final SessionPeriod[] PERIODS = SessionPeriod.values();

    private final int capacity;
    private long[] words; // id i at [STRIDE·i …]: most and least significant bits, state, deltas
    private int size;     // ids remembered, at most capacity
    private int oldest;   // once full: the place the next id overwrites

    RecentEventIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
        this.words = new long[STRIDE * Math.min(capacity, FIRST_ROOM)];
    }

    /** Remembers the id as arrived; false if it was already remembered (arrived or named). */
    boolean remember(EventId id) {
        if (find(id) >= 0) {
            return false;
        }
        add(id, true);
        return true;
    }

    /** Where the id is kept, or -1 if it is not (never seen, or forgotten). */
    int find(EventId id) {
        // EventId holds canonical lower-case text, so equal ids are equal bits.
        UUID uuid = UUID.fromString(id.value());
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        for (int at = 0; at < STRIDE * size; at += STRIDE) {
            if (words[at + 1] == least && words[at] == most) {
                return at / STRIDE;
            }
        }
        return -1;
    }

    /**
     * Keeps an id not kept yet, forgetting the oldest once full: as arrived, or as only named (by a
     * correction that came before it). Returns its place, valid until the next {@code add}.
     */
    int add(EventId id, boolean arrived) {
        int place;
        if (size < capacity) {
            if (STRIDE * size == words.length) {
                words = Arrays.copyOf(words, STRIDE * Math.min(capacity, 2 * size));
            }
            place = size++;
        } else {
            place = oldest;
            oldest = (oldest + 1) % capacity;
        }
        UUID uuid = UUID.fromString(id.value());
        int at = STRIDE * place;
        words[at] = uuid.getMostSignificantBits();
        words[at + 1] = uuid.getLeastSignificantBits();
        words[at + 2] = arrived ? ARRIVED : 0;
        words[at + 3] = 0;
        words[at + 4] = 0;
        return place;
    }

    boolean arrived(int place) {
        return (words[STRIDE * place + 2] & ARRIVED) != 0;
    }

    void markArrived(int place) {
        words[STRIDE * place + 2] |= ARRIVED;
    }

    /** Notes the slot change the event at this place applied: in force until taken out. */
    void keepChange(int place, SlotChange change) {
        int at = STRIDE * place;
        words[at + 2] = (words[at + 2] & ARRIVED) | IN_FORCE
                | (change.touchesPublic() ? TOUCHES_PUBLIC : 0) | (change.touchesReferral() ? TOUCHES_REFERRAL : 0)
                | (long) change.period().ordinal() << 8 | change.date().toEpochDay() << 32;
        words[at + 3] = pair(change.publicPublished(), change.publicBooked());
        words[at + 4] = pair(change.referralPublished(), change.referralBooked());
    }

    /**
     * The change in force of the event at this place, which is no longer in force afterwards (so it
     * is taken out once however often the event is named); null if none is.
     */
    SlotChange takeChange(int place) {
        int at = STRIDE * place;
        long state = words[at + 2];
        if ((state & IN_FORCE) == 0) {
            return null;
        }
        words[at + 2] = state & ARRIVED;
        return new SlotChange(LocalDate.ofEpochDay(state >> 32), PERIODS[(int) (state >>> 8) & 0xff],
                high(words[at + 3]), low(words[at + 3]), high(words[at + 4]), low(words[at + 4]),
                (state & TOUCHES_PUBLIC) != 0, (state & TOUCHES_REFERRAL) != 0);
    }

    private static long pair(int high, int low) {
        return (long) high << 32 | (low & 0xffffffffL);
    }

    private static int high(long pair) {
        return (int) (pair >> 32);
    }

    private static int low(long pair) {
        return (int) pair;
    }
}
