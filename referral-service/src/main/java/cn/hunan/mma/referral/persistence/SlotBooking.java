package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.platform.outbox.OutboxEvent;

/**
 * The announcement of a referral slot held in a schedule's own statement ({@link ReferralRows#scheduleOnSlot}).
 * It names the session as expert or not, which only the held row tells; so the statement is given
 * the event as for an expert session and the payload it has for any other, and writes the one that
 * applies.
 */
public record SlotBooking(OutboxEvent inExpertSession, String payloadInOtherSession) {
}
