package cn.hunan.mma.referral.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a party can do to a referral, the state it leads to and who may do it. Where an action may
 * be taken from is the lifecycle's business ({@link Lifecycle}); this is only what the action is.
 */
public enum ReferralAction {
    APPROVE(ReferralStatus.PLATFORM_APPROVED, EnumSet.of(Party.PLATFORM_REVIEWER)),
    ACCEPT(ReferralStatus.ACCEPTED, EnumSet.of(Party.RECEIVER)),
    REJECT(ReferralStatus.REJECTED, EnumSet.of(Party.RECEIVER)),
    SCHEDULE(ReferralStatus.SCHEDULED, EnumSet.of(Party.RECEIVER)),
    ARRIVE(ReferralStatus.ARRIVED, EnumSet.of(Party.RECEIVER)),
    // The platform records it too when the receiver has not closed the referral by the end of the grace period.
    NO_SHOW(ReferralStatus.NO_SHOW, EnumSet.of(Party.RECEIVER, Party.PLATFORM)),
    // Either side may call off a scheduled referral (the patient's withdrawal is recorded by one of them).
    CANCEL(ReferralStatus.CANCELLED, EnumSet.of(Party.SENDER, Party.RECEIVER)),
    START_TREATMENT(ReferralStatus.IN_TREATMENT, EnumSet.of(Party.RECEIVER)),
    COMPLETE(ReferralStatus.COMPLETED, EnumSet.of(Party.RECEIVER)),
    // The sender follows up its own patient once the outcome has come back.
    FOLLOW_UP(ReferralStatus.FOLLOWED_UP, EnumSet.of(Party.SENDER));

    private final ReferralStatus leadsTo;
    private final Set<Party> performers;

    ReferralAction(ReferralStatus leadsTo, Set<Party> performers) {
        this.leadsTo = leadsTo;
        this.performers = performers;
    }

    public ReferralStatus leadsTo() {
        return leadsTo;
    }

    public Set<Party> performers() {
        return Set.copyOf(performers);
    }

    /** The path segment and JSON name of the action, e.g. {@code start-treatment}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
