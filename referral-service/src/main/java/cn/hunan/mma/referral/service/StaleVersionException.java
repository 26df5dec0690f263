package cn.hunan.mma.referral.service;

/**
 * The caller acted on a version of the referral that is no longer current: 412 when its If-Match
 * named an older version, 409 when another transition committed first from the same version.
 */
public class StaleVersionException extends RuntimeException {

    private final boolean preconditionFailed;

    public StaleVersionException(String message, boolean preconditionFailed) {
        super(message, null, false, false);
        this.preconditionFailed = preconditionFailed;
    }

    public boolean preconditionFailed() {
        return preconditionFailed;
    }
}
