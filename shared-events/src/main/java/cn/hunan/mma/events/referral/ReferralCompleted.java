package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;

/**
 * States that treatment ended and the outcome went back to the sender: the loop is closed.
 *
 * @param dischargeSummaryRef reference to the discharge summary (出院小结, WS/T 500 C0053) shared
 *                            with the sender; the content stays in the shared record
 */
public record ReferralCompleted(
        EventId eventId,
        Instant occurredAt,
        ReferralId referralId,
        TreatmentOutcome outcome,
        String dischargeSummaryRef) implements ReferralEvent {

    public ReferralCompleted {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
        Checks.present(outcome, "outcome");
        Checks.text(dischargeSummaryRef, "dischargeSummaryRef", 512);
    }
}
