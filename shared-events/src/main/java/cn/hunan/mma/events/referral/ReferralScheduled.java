package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/**
 * States that a slot or bed was held for the referred patient (reserved capacity is consumed).
 *
 * @param reservationId the receiving side's id of the held slot or bed
 * @param appointmentAt when the patient is expected; may be later than {@code occurredAt}
 */
public record ReferralScheduled(
        EventId eventId,
        Instant occurredAt,
        ReferralId referralId,
        ReservationKind reservationKind,
        String reservationId,
        Instant appointmentAt) implements ReferralEvent {

    public ReferralScheduled {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
        Checks.present(reservationKind, "reservationKind");
        Checks.text(reservationId, "reservationId", 64);
        Checks.present(appointmentAt, "appointmentAt");
    }
}
