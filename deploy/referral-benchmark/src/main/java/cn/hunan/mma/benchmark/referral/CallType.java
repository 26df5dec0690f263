package cn.hunan.mma.benchmark.referral;

import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.referral.ReferralAccepted;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.registry.EventTypes;

/** The three calls of one referral's flow, and the event each successful call publishes. */
enum CallType {
    CREATE(201, ReferralRequested.class),
    ACCEPT(200, ReferralAccepted.class),
    SCHEDULE(200, ReferralScheduled.class);

    private final int successStatus;
    private final String eventType;

    CallType(int successStatus, Class<? extends ContractRecord> event) {
        this.successStatus = successStatus;
        this.eventType = EventTypes.nameOf(event);
    }

    boolean succeeded(int status) {
        return status == successStatus;
    }

    /** The {@code ce_type} of the event the call's transition publishes through the outbox. */
    String eventType() {
        return eventType;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
