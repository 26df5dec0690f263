package cn.hunan.mma.navigation.registry.service;

/** The change contradicts the registry's state (the id is taken, the row is still referenced): 409. */
public class RegistryConflictException extends RuntimeException {

    public RegistryConflictException(String message) {
        super(message);
    }
}
