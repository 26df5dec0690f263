package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.capacity.BedStatusReported;
import cn.hunan.mma.events.capacity.SlotsBooked;
import cn.hunan.mma.events.capacity.SlotsCancelled;
import cn.hunan.mma.events.capacity.SlotsPublished;
import cn.hunan.mma.events.capacity.SlotsReleased;
import cn.hunan.mma.events.care.InpatientAdmitted;
import cn.hunan.mma.events.care.InpatientDischarged;
import cn.hunan.mma.events.care.OutpatientVisitRecorded;
import cn.hunan.mma.events.conduct.ConductIncidentRecorded;
import cn.hunan.mma.events.contract.ContractRecord;
import cn.hunan.mma.events.contract.HospitalReport;
import cn.hunan.mma.events.prevention.ChronicFollowUpRecorded;
import cn.hunan.mma.events.prevention.FamilyDoctorContractSigned;
import cn.hunan.mma.events.referral.ReferralAccepted;
import cn.hunan.mma.events.referral.ReferralArrived;
import cn.hunan.mma.events.referral.ReferralCancelled;
import cn.hunan.mma.events.referral.ReferralCompleted;
import cn.hunan.mma.events.referral.ReferralFollowedUp;
import cn.hunan.mma.events.referral.ReferralNoShowRecorded;
import cn.hunan.mma.events.referral.ReferralPlatformApproved;
import cn.hunan.mma.events.referral.ReferralRejected;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.ReferralTreatmentStarted;
import cn.hunan.mma.events.registry.EventTypes;
import cn.hunan.mma.events.support.SupportMetricsReported;

/**
 * Every record type the generator writes, with its topic and the JSON opening
 * {@code {"type":"<wire name>","eventId":"} pre-encoded (every record starts with these two fields).
 */
public enum EventKind {
    OUTPATIENT_VISIT(OutpatientVisitRecorded.class, WireTopic.OUTPATIENT_VISITS),
    INPATIENT_ADMITTED(InpatientAdmitted.class, WireTopic.INPATIENT),
    INPATIENT_DISCHARGED(InpatientDischarged.class, WireTopic.INPATIENT),
    REFERRAL_REQUESTED(ReferralRequested.class, WireTopic.REFERRALS),
    REFERRAL_PLATFORM_APPROVED(ReferralPlatformApproved.class, WireTopic.REFERRALS),
    REFERRAL_ACCEPTED(ReferralAccepted.class, WireTopic.REFERRALS),
    REFERRAL_REJECTED(ReferralRejected.class, WireTopic.REFERRALS),
    REFERRAL_SCHEDULED(ReferralScheduled.class, WireTopic.REFERRALS),
    REFERRAL_ARRIVED(ReferralArrived.class, WireTopic.REFERRALS),
    REFERRAL_NO_SHOW(ReferralNoShowRecorded.class, WireTopic.REFERRALS),
    REFERRAL_CANCELLED(ReferralCancelled.class, WireTopic.REFERRALS),
    REFERRAL_TREATMENT_STARTED(ReferralTreatmentStarted.class, WireTopic.REFERRALS),
    REFERRAL_COMPLETED(ReferralCompleted.class, WireTopic.REFERRALS),
    REFERRAL_FOLLOWED_UP(ReferralFollowedUp.class, WireTopic.REFERRALS),
    SLOTS_PUBLISHED(SlotsPublished.class, WireTopic.CAPACITY),
    SLOTS_BOOKED(SlotsBooked.class, WireTopic.CAPACITY),
    SLOTS_RELEASED(SlotsReleased.class, WireTopic.CAPACITY),
    SLOTS_CANCELLED(SlotsCancelled.class, WireTopic.CAPACITY),
    BED_STATUS_REPORTED(BedStatusReported.class, WireTopic.CAPACITY),
    FAMILY_DOCTOR_CONTRACT_SIGNED(FamilyDoctorContractSigned.class, WireTopic.PREVENTION),
    CHRONIC_FOLLOW_UP_RECORDED(ChronicFollowUpRecorded.class, WireTopic.PREVENTION),
    CONDUCT_INCIDENT_RECORDED(ConductIncidentRecorded.class, WireTopic.CONDUCT),
    SUPPORT_METRICS_REPORTED(SupportMetricsReported.class, WireTopic.SUPPORT);

    private final String wireName;
    private final WireTopic topic;
    private final boolean hospitalReport;
    private final byte[] opening;

    EventKind(Class<? extends ContractRecord> type, WireTopic topic) {
        this.wireName = EventTypes.nameOf(type);
        this.topic = topic;
        this.hospitalReport = HospitalReport.class.isAssignableFrom(type);
        this.opening = JsonBuffer.asciiBytes("{\"type\":\"" + wireName + "\",\"eventId\":\"");
        if (!topic.topic().valueType().isAssignableFrom(type)) {
            throw new IllegalStateException(wireName + " does not belong on " + topic.topic().name());
        }
    }

    public String wireName() {
        return wireName;
    }

    public WireTopic topic() {
        return topic;
    }

    /** Institution-reported facts may be corrected later ({@code correctsEventId}). */
    public boolean correctable() {
        return hospitalReport;
    }

    /** {@code {"type":"<wire name>","eventId":"}, the start of every value of this kind. */
    public byte[] opening() {
        return opening;
    }
}
