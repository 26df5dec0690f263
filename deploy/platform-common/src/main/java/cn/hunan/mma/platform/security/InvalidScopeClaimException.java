package cn.hunan.mma.platform.security;

/** A token whose scope claims are malformed: the caller is treated as unauthenticated. */
public class InvalidScopeClaimException extends RuntimeException {
    public InvalidScopeClaimException(String message) {
        super(message);
    }
}
