package cn.hunan.mma.navigation.capacity;

/** What {@link CapacityView#apply} did with an event; callers count these as metrics. */
public enum ApplyOutcome {
    /** The event changed the figures. */
    APPLIED,
    /** The event id was seen recently: it had already been applied. */
    DUPLICATE,
    /**
     * A slot event correcting another ({@code correctsEventId}): the one it names was taken out (or,
     * not come yet, will change nothing when it comes) and this one applied.
     */
    CORRECTION_APPLIED,
    /**
     * A bed report older than the one already shown: a later state supersedes it; or an event a
     * correction that came before it has replaced already.
     */
    SUPERSEDED,
    /**
     * A record at or before its partition's last applied offset: the consumer read the partition again (a rebalance
     * resets it to the earliest offset, as nothing is committed). Not applied: the view holds it already.
     */
    REPLAYED
}
