package cn.hunan.mma.platform.security;

/** The caller is authenticated but the entity lies outside its scope: HTTP 403. */
public class OutOfScopeException extends RuntimeException {
    public OutOfScopeException(String message) {
        super(message);
    }
}
