package cn.hunan.mma.navigation.registry.service;

/**
 * The database could not do an operator's edit now — out of reach, or it aborted the edit for a concurrent one more
 * often than {@link RegistryWrites#ATTEMPTS} allows: nothing of the edit was written, and the same request later can
 * succeed (503 with Retry-After).
 */
public class RegistryUnavailableException extends RuntimeException {

    public RegistryUnavailableException(Throwable cause) {
        super("the database could not do the edit now; nothing of it was written, try again later", cause);
    }
}
