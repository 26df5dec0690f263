package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.referral.ReferralCriterion;
import cn.hunan.mma.events.referral.ReferralParty;
import cn.hunan.mma.events.referral.Urgency;
import cn.hunan.mma.events.value.Checks;
import cn.hunan.mma.events.value.EpisodeId;
import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.PatientPseudonym;
import cn.hunan.mma.events.value.ReferralId;

import java.util.List;

/**
 * A doctor's request to refer a patient, before the intake has checked it.
 *
 * @param episodeId a new episode, or the one of the referral this one continues (the stays it links
 *                  share one deductible)
 */
public record ReferralApplication(ReferralId id, EpisodeId episodeId, ReferralParty sender, ReferralParty receiver,
                                  PatientPseudonym patient, Icd10Code diagnosis, String reason,
                                  List<ReferralCriterion> criteriaMet, Urgency urgency, List<String> attachmentRefs) {

    public ReferralApplication {
        // A null element is the client's mistake, refused with its index (400): List.copyOf threw an NPE, a 500.
        criteriaMet = Checks.list(criteriaMet, "criteriaMet");
        attachmentRefs = Checks.list(attachmentRefs, "attachmentRefs");
    }
}
