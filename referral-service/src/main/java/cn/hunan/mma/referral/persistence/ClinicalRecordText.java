package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.events.value.Checks;

/**
 * The free-text parts of the shared referral record (WS/T 483 EHR-SD-20): the sender writes the
 * course summary, the receiver the treatment plan and rehabilitation guidance. Null when not written.
 */
public record ClinicalRecordText(String courseSummary, String treatmentPlan, String rehabilitationGuidance) {

    /** Room for a long clinical text, and a bound: a 10 MB body was stored as sent before 2026-11-25 (4). */
    static final int MAX_LENGTH = 20_000;

    /** Non-blank text of at most {@link #MAX_LENGTH} characters, no control characters but line breaks and tabs (400). */
    public ClinicalRecordText {
        Checks.optionalText(courseSummary, "courseSummary", MAX_LENGTH);
        Checks.optionalText(treatmentPlan, "treatmentPlan", MAX_LENGTH);
        Checks.optionalText(rehabilitationGuidance, "rehabilitationGuidance", MAX_LENGTH);
    }

    /** Whether it writes the receiver's part of the record. */
    public boolean writesReceiversPart() {
        return treatmentPlan != null || rehabilitationGuidance != null;
    }

    public static ClinicalRecordText none() {
        return new ClinicalRecordText(null, null, null);
    }
}
