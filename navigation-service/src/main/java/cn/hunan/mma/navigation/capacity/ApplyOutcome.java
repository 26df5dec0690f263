package cn.hunan.mma.navigation.capacity;

/** What {@link CapacityView#apply} did with an event; callers count these as metrics. */
public enum ApplyOutcome {
    /** The event changed the figures. */
    APPLIED,
    /** The event id was seen recently: it had already been applied. */
    DUPLICATE,
    /** A correction of a slot change: counted, not applied (see {@link CapacityView}). */
    CORRECTION_IGNORED,
    /** A bed report older than the one already shown: a later state supersedes it. */
    SUPERSEDED,
    /**
     * A record at or before its partition's last applied offset: the consumer read the partition again (a rebalance
     * resets it to the earliest offset, as nothing is committed). Not applied: the view holds it already.
     */
    REPLAYED
}
