package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.events.referral.ReferralCompleted;
import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralDirection;
import cn.hunan.mma.events.referral.ReferralEvent;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.ReferralRejected;
import cn.hunan.mma.events.referral.ReferralRequested;
import cn.hunan.mma.events.referral.ReferralScheduled;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.value.DepartmentId;
import cn.hunan.mma.events.value.DivisionCode;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.InstitutionId;
import cn.hunan.mma.events.value.ReferralId;
import cn.hunan.mma.referral.domain.Referral;
import cn.hunan.mma.referral.domain.ReferralFlag;
import cn.hunan.mma.referral.domain.ReferralStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A referral's row: lifecycle state, the request as sent, what each transition added, and the
 * shared record's clinical text. {@code version} is the optimistic lock: two transitions from the
 * same version cannot both commit.
 */
@Entity
@Table(name = "referral")
public class ReferralEntity {

    private static final String LIST_SEPARATOR = "\n";

    @Id
    @Column(name = "id")
    String id;
    @Column(name = "episode_id", nullable = false)
    String episodeId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    ReferralStatus status;
    @Version
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "review_required", nullable = false)
    boolean reviewRequired;
    @Enumerated(EnumType.STRING)
    @Column(name = "direction", nullable = false)
    ReferralDirection direction;
    @Enumerated(EnumType.STRING)
    @Column(name = "urgency", nullable = false)
    Urgency urgency;
    @Column(name = "sender_institution_id", nullable = false)
    String senderInstitutionId;
    @Column(name = "sender_department_id", nullable = false)
    String senderDepartmentId;
    @Column(name = "sender_division", nullable = false)
    String senderDivision;
    @Column(name = "receiver_institution_id", nullable = false)
    String receiverInstitutionId;
    @Column(name = "receiver_department_id", nullable = false)
    String receiverDepartmentId;
    @Column(name = "receiver_division", nullable = false)
    String receiverDivision;
    @Column(name = "patient_pseudonym", nullable = false)
    String patientPseudonym;
    @Column(name = "diagnosis", nullable = false)
    String diagnosis;
    @Column(name = "reason", nullable = false)
    String reason;
    @Column(name = "criteria", nullable = false)
    String criteria;
    @Column(name = "flags", nullable = false)
    String flags;
    @Column(name = "attachment_refs", nullable = false)
    String attachmentRefs;
    @Column(name = "course_summary")
    String courseSummary;
    @Column(name = "treatment_plan")
    String treatmentPlan;
    @Column(name = "rehabilitation_guidance")
    String rehabilitationGuidance;
    @Column(name = "rejection_code")
    String rejectionCode;
    @Column(name = "rejection_reason")
    String rejectionReason;
    @Column(name = "onward_institution_id")
    String onwardInstitutionId;
    @Column(name = "reservation_kind")
    String reservationKind;
    @Column(name = "reservation_id")
    String reservationId;
    @Column(name = "appointment_at")
    Instant appointmentAt;
    @Column(name = "reserved_session_date")
    LocalDate reservedSessionDate;
    @Column(name = "reserved_session_period")
    String reservedSessionPeriod;
    @Column(name = "outcome")
    String outcome;
    @Column(name = "discharge_summary_ref")
    String dischargeSummaryRef;
    @Column(name = "requested_at", nullable = false)
    Instant requestedAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ReferralEntity() {
    }

    /** The row of a referral the intake just accepted. */
    public static ReferralEntity requested(ReferralRequested event, boolean reviewRequired, Set<ReferralFlag> flags,
                                           DivisionCode senderDivision, DivisionCode receiverDivision,
                                           ClinicalRecordText record) {
        ReferralEntity entity = new ReferralEntity();
        entity.id = event.referralId().value();
        entity.episodeId = event.episodeId().value();
        entity.status = ReferralStatus.REQUESTED;
        entity.reviewRequired = reviewRequired;
        entity.direction = event.direction();
        entity.urgency = event.urgency();
        entity.senderInstitutionId = event.sender().institutionId().value();
        entity.senderDepartmentId = event.sender().departmentId().value();
        entity.senderDivision = senderDivision.value();
        entity.receiverInstitutionId = event.receiver().institutionId().value();
        entity.receiverDepartmentId = event.receiver().departmentId().value();
        entity.receiverDivision = receiverDivision.value();
        entity.patientPseudonym = event.patient().value();
        entity.diagnosis = event.diagnosis().value();
        entity.reason = event.reason();
        entity.criteria = join(event.criteriaMet().stream().map(Enum::name).toList());
        entity.flags = join(flags.stream().sorted().map(Enum::name).toList());
        entity.attachmentRefs = join(event.attachmentRefs());
        entity.courseSummary = record.courseSummary();
        entity.treatmentPlan = record.treatmentPlan();
        entity.rehabilitationGuidance = record.rehabilitationGuidance();
        entity.requestedAt = event.occurredAt();
        entity.updatedAt = event.occurredAt();
        return entity;
    }

    /** Records what a transition's event adds to the referral. */
    public void apply(ReferralStatus next, ReferralEvent event) {
        status = next;
        updatedAt = event.occurredAt();
        if (event instanceof ReferralRejected rejected) {
            rejectionCode = rejected.reasonCode().name();
            rejectionReason = rejected.reasonText();
            onwardInstitutionId = rejected.onwardInstitutionId() == null ? null : rejected.onwardInstitutionId().value();
        } else if (event instanceof ReferralScheduled scheduled) {
            reservationKind = scheduled.reservationKind().name();
            reservationId = scheduled.reservationId();
            appointmentAt = scheduled.appointmentAt();
        } else if (event instanceof ReferralCompleted completed) {
            outcome = completed.outcome().name();
            dischargeSummaryRef = completed.dischargeSummaryRef();
        }
    }

    /** Adds the receiver's clinical text to the shared record (treatment plan, rehabilitation guidance). */
    public void amendRecord(ClinicalRecordText amendment) {
        if (amendment.courseSummary() != null) {
            courseSummary = amendment.courseSummary();
        }
        if (amendment.treatmentPlan() != null) {
            treatmentPlan = amendment.treatmentPlan();
        }
        if (amendment.rehabilitationGuidance() != null) {
            rehabilitationGuidance = amendment.rehabilitationGuidance();
        }
    }

    /** Which clinic session a held referral slot belongs to (absent for beds), so it can be released. */
    public void holdsSlotIn(LocalDate sessionDate, String period) {
        reservedSessionDate = sessionDate;
        reservedSessionPeriod = period;
    }

    public Referral toReferral() {
        return new Referral(ReferralId.of(id), EpisodeId.of(episodeId), sender(), receiver(), status, reviewRequired);
    }

    public ReferralParty sender() {
        return new ReferralParty(InstitutionId.of(senderInstitutionId), DepartmentId.of(senderDepartmentId));
    }

    public ReferralParty receiver() {
        return new ReferralParty(InstitutionId.of(receiverInstitutionId), DepartmentId.of(receiverDepartmentId));
    }

    public String id() { return id; }
    public String episodeId() { return episodeId; }
    public ReferralStatus status() { return status; }
    public long version() { return version; }
    public boolean reviewRequired() { return reviewRequired; }
    public ReferralDirection direction() { return direction; }
    public Urgency urgency() { return urgency; }
    public DivisionCode senderDivision() { return DivisionCode.of(senderDivision); }
    public DivisionCode receiverDivision() { return DivisionCode.of(receiverDivision); }
    public String patientPseudonym() { return patientPseudonym; }
    public String diagnosis() { return diagnosis; }
    public String reason() { return reason; }
    public List<ReferralCriterion> criteria() { return split(criteria).stream().map(ReferralCriterion::valueOf).toList(); }
    public List<ReferralFlag> flags() { return split(flags).stream().map(ReferralFlag::valueOf).toList(); }
    public List<String> attachmentRefs() { return split(attachmentRefs); }
    public String courseSummary() { return courseSummary; }
    public String treatmentPlan() { return treatmentPlan; }
    public String rehabilitationGuidance() { return rehabilitationGuidance; }
    public String rejectionCode() { return rejectionCode; }
    public String rejectionReason() { return rejectionReason; }
    public String onwardInstitutionId() { return onwardInstitutionId; }
    public String reservationKind() { return reservationKind; }
    public String reservationId() { return reservationId; }
    public Instant appointmentAt() { return appointmentAt; }
    public LocalDate reservedSessionDate() { return reservedSessionDate; }
    public String reservedSessionPeriod() { return reservedSessionPeriod; }
    public String outcome() { return outcome; }
    public String dischargeSummaryRef() { return dischargeSummaryRef; }
    public Instant requestedAt() { return requestedAt; }
    public Instant updatedAt() { return updatedAt; }

    // Attachment references are single-line (URIs), criteria and flags are enum names: a newline separates them safely.
    private static String join(Collection<String> values) {
        return String.join(LIST_SEPARATOR, values);
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.stream(joined.split(LIST_SEPARATOR)).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferralEntity that && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
