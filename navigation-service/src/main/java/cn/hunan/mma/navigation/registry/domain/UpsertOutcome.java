package cn.hunan.mma.navigation.registry.domain;

/** What importing one snapshot did to the registry. */
public enum UpsertOutcome {
    INSERTED,
    UPDATED,
    /** The registry already held exactly this content: nothing written, nothing published. */
    UNCHANGED
}
