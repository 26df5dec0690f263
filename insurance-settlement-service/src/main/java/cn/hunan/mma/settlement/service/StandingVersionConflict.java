package cn.hunan.mma.settlement.service;

import cn.hunan.mma.platform.messaging.ConcurrentChangeException;

/**
 * A batch's settlement met, in the one-standing-version index (V26), a version of one of its stays it did not replace.
 * Normally another batch committed that version meanwhile, and settled again the batch reads it: transient. Met again
 * and again, it is a version the batch reads and still does not replace — a fault, which {@link RepeatedConflicts}
 * turns into a failure of the batch, dead-lettered, rather than a partition retried for ever.
 */
public class StandingVersionConflict extends ConcurrentChangeException {
    public StandingVersionConflict(String message) {
        super(message);
    }
}
