package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.platform.outbox.OutboxEvent;

import java.time.LocalDate;

/**
 * A reserved referral slot to hold in a schedule's own statement ({@link ReferralRows#scheduleOnSlot}),
 * with the booking's announcement for the capacity topic. The announcement names the session, expert
 * or not, which only the held row tells; so it comes in both versions (same event id) and the
 * statement writes the one that applies.
 */
public record SlotHold(String institutionId, String departmentId, LocalDate sessionDate, String period,
                       OutboxEvent bookedInExpertSession, OutboxEvent bookedInOtherSession) {

    public SlotHold {
        OutboxEvent expert = bookedInExpertSession;
        OutboxEvent other = bookedInOtherSession;
        if (!expert.eventId().equals(other.eventId()) || !expert.topic().equals(other.topic())
                || !expert.key().equals(other.key()) || !expert.type().equals(other.type())
                || !expert.occurredAt().equals(other.occurredAt())) {
            throw new IllegalArgumentException("both versions of a booking's announcement are the one event");
        }
    }
}
