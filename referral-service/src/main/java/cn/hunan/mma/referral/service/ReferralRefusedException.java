package cn.hunan.mma.referral.service;

import cn.hunan.mma.referral.domain.Refusal;

/** A domain refusal on its way to the caller as problem+json (status by {@link Refusal.Kind}). */
public class ReferralRefusedException extends RuntimeException {

    private final transient Refusal refusal;

    public ReferralRefusedException(Refusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
