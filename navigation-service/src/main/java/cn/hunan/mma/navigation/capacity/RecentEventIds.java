package cn.hunan.mma.navigation.capacity;

import cn.hunan.mma.events.value.EventId;

import java.util.LinkedHashSet;
import java.util.Iterator;

/**
 * The last {@code capacity} event ids seen, oldest forgotten first. Not thread-safe: its owner
 * guards it. A duplicate older than the window is applied again; the window is sized so that
 * redeliveries (which follow the original closely) fall well inside it.
 */
final class RecentEventIds {

    private final int capacity;
    private final LinkedHashSet<EventId> ids = new LinkedHashSet<>();

    RecentEventIds(int capacity) {
        this.capacity = capacity;
    }

    /** Remembers the id; false if it was already remembered. */
    boolean remember(EventId id) {
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacity) {
            Iterator<EventId> oldest = ids.iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }
}
