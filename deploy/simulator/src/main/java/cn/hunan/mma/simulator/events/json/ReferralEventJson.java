package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.referral.CancellingParty;
import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.RejectionCode;
import cn.hunan.mma.events.referral.ReservationKind;
import cn.hunan.mma.events.referral.TreatmentOutcome;
import cn.hunan.mma.events.referral.Urgency;

import java.util.List;

/**
 * Any transition of a referral's lifecycle, keyed by the referral: set the stage's fields, then
 * emit. The request carries the shared record's facts; later stages carry only what they add.
 */
public final class ReferralEventJson implements EventJson {

    private static final byte[][] CRITERIA = OutpatientVisitJson.names(ReferralCriterion.values());

    private EventKind kind;
    private long occurredAt;
    public String referralId;

    // REQUESTED
    public String episodeId;
    public String senderInstitutionId;
    public String senderDepartmentId;
    public String receiverInstitutionId;
    public String receiverDepartmentId;
    public SyntheticPseudonyms pseudonyms;
    public long residentIndex;
    public String diagnosis;
    public String reason;
    public List<ReferralCriterion> criteria;
    public ReferralDirection direction;
    public Urgency urgency;
    public boolean flaggedAgainstCatalogue;
    public String attachmentRef;

    // later stages
    public RejectionCode rejectionCode;
    public String rejectionText;
    public String onwardInstitutionId;
    public ReservationKind reservationKind;
    public String reservationId;
    public long appointmentAt;
    public CancellingParty cancelledBy;
    public String cancellationReason;
    public TreatmentOutcome outcome;
    public String dischargeSummaryRef;
    public String followedUpBy;

    /** Moves to a stage of the lifecycle at a time; the stage's own fields must be set too. */
    public ReferralEventJson at(EventKind stage, long occurredAt) {
        if (stage.topic() != WireTopic.REFERRALS) {
            throw new IllegalArgumentException(stage + " is not a referral event");
        }
        this.kind = stage;
        this.occurredAt = occurredAt;
        return this;
    }

    @Override
    public EventKind kind() {
        return kind;
    }

    @Override
    public String key() {
        return referralId;
    }

    @Override
    public long occurredAt() {
        return occurredAt;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.REFERRAL, referralId);
        switch (kind) {
            case REFERRAL_REQUESTED -> writeRequest(out);
            case REFERRAL_REJECTED -> {
                Fields.text(out, Fields.REASON_CODE, rejectionCode.name());
                out.raw(Fields.REASON_TEXT).escaped(rejectionText).raw('"');
                if (onwardInstitutionId != null) {
                    Fields.text(out, Fields.ONWARD, onwardInstitutionId);
                }
            }
            case REFERRAL_SCHEDULED -> {
                Fields.text(out, Fields.RESERVATION_KIND, reservationKind.name());
                Fields.text(out, Fields.RESERVATION_ID, reservationId);
                out.raw(Fields.APPOINTMENT_AT).instant(appointmentAt).raw('"');
            }
            case REFERRAL_CANCELLED -> {
                Fields.text(out, Fields.CANCELLED_BY, cancelledBy.name());
                out.raw(Fields.REASON).escaped(cancellationReason).raw('"');
            }
            case REFERRAL_COMPLETED -> {
                Fields.text(out, Fields.OUTCOME, outcome.name());
                Fields.text(out, Fields.SUMMARY_REF, dischargeSummaryRef);
            }
            case REFERRAL_FOLLOWED_UP -> Fields.text(out, Fields.FOLLOWED_UP_BY, followedUpBy);
            default -> {
                // approved, accepted, arrived, no-show, treatment started: the transition is the fact
            }
        }
    }

    private void writeRequest(JsonBuffer out) {
        Fields.text(out, Fields.EPISODE, episodeId);
        out.raw(Fields.SENDER).ascii(senderInstitutionId).raw(Fields.PARTY_DEPARTMENT).ascii(senderDepartmentId)
                .raw(Fields.PARTY_END);
        out.raw(Fields.RECEIVER).ascii(receiverInstitutionId).raw(Fields.PARTY_DEPARTMENT).ascii(receiverDepartmentId)
                .raw(Fields.PARTY_END);
        out.raw(Fields.PATIENT);
        pseudonyms.write(out, residentIndex);
        out.raw('"');
        Fields.text(out, Fields.DIAGNOSIS, diagnosis);
        out.raw(Fields.REASON).escaped(reason).raw('"');
        out.raw(Fields.CRITERIA);
        for (int i = 0; i < criteria.size(); i++) {
            if (i > 0) {
                out.raw(',');
            }
            out.raw('"').raw(CRITERIA[criteria.get(i).ordinal()]).raw('"');
        }
        out.raw(']');
        Fields.text(out, Fields.DIRECTION, direction.name());
        Fields.text(out, Fields.URGENCY, urgency.name());
        out.raw(Fields.FLAGGED).bool(flaggedAgainstCatalogue);
        out.raw(Fields.ATTACHMENTS).raw('"').ascii(attachmentRef).raw('"').raw(']');
    }
}
