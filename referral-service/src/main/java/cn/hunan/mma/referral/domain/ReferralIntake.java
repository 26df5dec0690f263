package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.value.ContractViolation;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.Level;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an application into a REQUESTED referral: both institutions must be known and operating
 * and differ, and the receiving department one the matrix states for the receiver when it states any
 * ({@link ReceivingDepartment}); the direction comes from their levels; the sender's city decides
 * whether the platform reviews it first; and the referral is flagged (not refused) when it goes up with a disease the
 * catalogue keeps at the sender's level or lower, or when no stated criterion fits its direction.
 */
public final class ReferralIntake {

    private final Function<InstitutionId, Optional<InstitutionProfile>> institutions;
    private final GuidanceCatalogue catalogue;
    private final ReviewPolicy review;

    public ReferralIntake(Function<InstitutionId, Optional<InstitutionProfile>> institutions,
                          GuidanceCatalogue catalogue, ReviewPolicy review) {
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.review = review;
    }

    /**
     * @param department what the matrix states about the receiving department (the intake reads no database itself)
     */
    public IntakeDecision assess(ReferralApplication application, ReceivingDepartment department, EventId eventId,
                                 Instant at) {
        InstitutionId senderId = application.sender().institutionId();
        InstitutionId receiverId = application.receiver().institutionId();
        if (senderId.equals(receiverId)) {
            return refuse(Refusal.Kind.SELF_REFERRAL, "a referral goes to another institution, not back to " + senderId);
        }
        Optional<InstitutionProfile> sender = institutions.apply(senderId).filter(InstitutionProfile::active);
        Optional<InstitutionProfile> receiver = institutions.apply(receiverId).filter(InstitutionProfile::active);
        if (sender.isEmpty() || receiver.isEmpty()) {
            return new IntakeDecision.Refused(Refusal.ofField(Refusal.Kind.UNKNOWN_INSTITUTION,
                    sender.isEmpty() ? "senderInstitutionId" : "receiverInstitutionId",
                    "the matrix has no operating institution " + (sender.isEmpty() ? senderId : receiverId)));
        }
        if (!department.receivable()) {
            return new IntakeDecision.Refused(Refusal.ofField(Refusal.Kind.UNKNOWN_DEPARTMENT, "receiverDepartmentId",
                    "the matrix states no department " + application.receiver().departmentId() + " of " + receiverId));
        }
        Level senderLevel = sender.get().level();
        ReferralDirection direction = ReferralDirections.between(senderLevel, receiver.get().level());
        Set<ReferralFlag> flags = flags(application, senderLevel, direction);
        boolean reviewRequired = review.requiresReview(sender.get().division());
        try {
            ReferralRequested requested = new ReferralRequested(eventId, at, application.id(), application.episodeId(),
                    application.sender(), application.receiver(), application.patient(), application.diagnosis(),
                    application.reason(), application.criteriaMet(), direction, application.urgency(),
                    flags.contains(ReferralFlag.UPWARD_AGAINST_CATALOGUE), application.attachmentRefs(),
                    flags.contains(ReferralFlag.CRITERIA_MISSING));
            Referral referral = new Referral(application.id(), application.episodeId(), application.sender(),
                    application.receiver(), ReferralStatus.REQUESTED, reviewRequired);
            return new IntakeDecision.Requested(referral, requested, flags);
        } catch (ContractViolation invalid) {
            return refuse(Refusal.Kind.INVALID_INPUT, invalid.getMessage());
        }
    }

    private Set<ReferralFlag> flags(ReferralApplication application, Level senderLevel, ReferralDirection direction) {
        Set<ReferralFlag> flags = EnumSet.noneOf(ReferralFlag.class);
        if (direction == ReferralDirection.UP && catalogue.lowestInpatientLevel(application.diagnosis())
                .filter(lowest -> lowest.isAtOrBelow(senderLevel)).isPresent()) {
            flags.add(ReferralFlag.UPWARD_AGAINST_CATALOGUE);
        }
        if (!ReferralCriteria.justify(direction, application.criteriaMet())) {
            flags.add(ReferralFlag.CRITERIA_MISSING);
        }
        return flags;
    }

    private static IntakeDecision refuse(Refusal.Kind kind, String message) {
        return new IntakeDecision.Refused(Refusal.of(kind, message));
    }
}
