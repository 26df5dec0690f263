package cn.hunan.mma.referral.persistence;

import cn.hunan.mma.events.value.Checks;

/**
 * The free-text parts of the shared referral record (WS/T 483 EHR-SD-20): the sender writes the
 * course summary, the receiver the treatment plan and rehabilitation guidance. Null when not written.
 */
public record ClinicalRecordText(String courseSummary, String treatmentPlan, String rehabilitationGuidance) {

    /** Room for a long clinical text, and a bound: a 10 MB body was stored as sent before 2026-11-25 (4). */
    static final int MAX_LENGTH = 20_000;

    /**
     * Text of at most {@link #MAX_LENGTH} characters without a NUL (400); a blank part is no part (an empty form field
     * sent as "" writes nothing, as before).
     */
    public ClinicalRecordText {
        courseSummary = Checks.optionalText(blankAsAbsent(courseSummary), "courseSummary", MAX_LENGTH);
        treatmentPlan = Checks.optionalText(blankAsAbsent(treatmentPlan), "treatmentPlan", MAX_LENGTH);
        rehabilitationGuidance = Checks.optionalText(blankAsAbsent(rehabilitationGuidance), "rehabilitationGuidance", MAX_LENGTH);
    }

    private static String blankAsAbsent(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Whether it writes the receiver's part of the record. */
    public boolean writesReceiversPart() {
        return treatmentPlan != null || rehabilitationGuidance != null;
    }

    public static ClinicalRecordText none() {
        return new ClinicalRecordText(null, null, null);
    }
}
