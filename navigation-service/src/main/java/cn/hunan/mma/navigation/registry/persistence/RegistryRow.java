package cn.hunan.mma.navigation.registry.persistence;

import cn.hunan.mma.events.matrix.MatrixSnapshot;

import java.util.UUID;

/** A registry table row holding the latest published state of one matrix entity. */
public interface RegistryRow<S extends MatrixSnapshot> {

    /** True when the row already holds the snapshot's content (event id and time aside). */
    boolean holds(S snapshot);

    /** Takes the snapshot's content and records it as the last published one. */
    void apply(S snapshot);

    /** The event that last published this row's content. */
    PublishedEvent published();

    default UUID lastEventId() {
        return published().eventId();
    }

    /**
     * True when the snapshot's content differs from the row's under the event id already published for it: consumers
     * deduplicate by event id and would drop it, so the importer refuses the line ({@code EVENT_ID_REUSED}).
     */
    default boolean reusesEventIdOf(S snapshot) {
        return !holds(snapshot) && lastEventId().equals(snapshot.eventId().asUuid());
    }

    /** The row's id, equal to {@link RegistryTable#primaryKey()} of the snapshots it holds. */
    Object registryKey();
}
