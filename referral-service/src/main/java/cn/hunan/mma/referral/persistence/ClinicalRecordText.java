package cn.hunan.mma.referral.persistence;

/**
 * The free-text parts of the shared referral record (WS/T 483 EHR-SD-20): the sender writes the
 * course summary, the receiver the treatment plan and rehabilitation guidance. Null when not written.
 */
public record ClinicalRecordText(String courseSummary, String treatmentPlan, String rehabilitationGuidance) {

    public static ClinicalRecordText none() {
        return new ClinicalRecordText(null, null, null);
    }
}
