package cn.hunan.mma.navigation.registry.domain;

/**
 * Fired (as a CDI event) after the registry committed a change — an import or an operator's edit —
 * so readers holding a snapshot of it reload instead of waiting for it to age out.
 */
public record RegistryChanged() {
}
