package cn.hunan.mma.navigation.registry.domain;

/**
 * Fired (as an asynchronous CDI event) after the registry committed a change — an import or an
 * operator's edit — so readers holding a snapshot of it reload; the change's answer waits for them.
 */
public record RegistryChanged() {
}
