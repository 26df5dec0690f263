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

    /** The row's id, equal to {@link RegistryTable#primaryKey()} of the snapshots it holds. */
    Object registryKey();
}
