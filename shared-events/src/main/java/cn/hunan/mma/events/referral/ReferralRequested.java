package cn.hunan.mma.events.referral;

import cn.hunan.mma.events.contract.OptionalField;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.EventId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.ReferralId;

import java.time.Instant;
import java.util.List;

/**
 * States that a doctor asked another institution to take over a patient (the shared 转诊记录).
 *
 * @param episodeId               links the stays on both sides, so the deductible runs on
 * @param flaggedAgainstCatalogue an upward referral of a disease the guidance catalogue assigns
 *                                to the sender's level or lower
 * @param attachmentRefs          references to shared documents (EHR records, images), never content
 * @param criteriaMissing         none of the stated criteria fits the direction, or none was stated
 *                                (DOMAIN §5 review flag). Optional: absent (null) from producers that
 *                                predate it; the list of criteria may be empty only when it is true
 */
public record ReferralRequested(
        EventId eventId,
        Instant occurredAt,
        ReferralId referralId,
        EpisodeId episodeId,
        ReferralParty sender,
        ReferralParty receiver,
        PatientPseudonym patient,
        Icd10Code diagnosis,
        String reason,
        List<ReferralCriterion> criteriaMet,
        ReferralDirection direction,
        Urgency urgency,
        boolean flaggedAgainstCatalogue,
        List<String> attachmentRefs,
        @OptionalField Boolean criteriaMissing) implements ReferralEvent {

    public ReferralRequested {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(referralId, "referralId");
        Checks.present(episodeId, "episodeId");
        Checks.present(sender, "sender");
        Checks.present(receiver, "receiver");
        Checks.require(!sender.institutionId().equals(receiver.institutionId()), "receiver",
                "a referral goes to another institution");
        Checks.present(patient, "patient");
        Checks.present(diagnosis, "diagnosis");
        Checks.text(reason, "reason", 2000);
        criteriaMet = Checks.list(criteriaMet, "criteriaMet");
        Checks.require(!criteriaMet.isEmpty() || Boolean.TRUE.equals(criteriaMissing), "criteriaMet",
                "a referral states at least one criterion it meets, or is flagged criteriaMissing");
        Checks.present(direction, "direction");
        Checks.present(urgency, "urgency");
        attachmentRefs = Checks.list(attachmentRefs, "attachmentRefs");
        for (int i = 0; i < attachmentRefs.size(); i++) {
            // One line each: the service stores them line by line (a ref with a line break read back as two).
            Checks.line(attachmentRefs.get(i), "attachmentRefs[" + i + "]", 512);
        }
    }

    /** A request from a producer that does not state the criteria flag (absent on the wire). */
    public ReferralRequested(EventId eventId, Instant occurredAt, ReferralId referralId, EpisodeId episodeId,
                             ReferralParty sender, ReferralParty receiver, PatientPseudonym patient, Icd10Code diagnosis,
                             String reason, List<ReferralCriterion> criteriaMet, ReferralDirection direction,
                             Urgency urgency, boolean flaggedAgainstCatalogue, List<String> attachmentRefs) {
        this(eventId, occurredAt, referralId, episodeId, sender, receiver, patient, diagnosis, reason, criteriaMet,
                direction, urgency, flaggedAgainstCatalogue, attachmentRefs, null);
    }
}
