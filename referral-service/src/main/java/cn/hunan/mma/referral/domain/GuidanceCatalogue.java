package cn.hunan.mma.referral.domain;

import cn.hunan.mma.events.value.Icd10Code;
import cn.hunan.mma.events.value.Level;

import java.util.Optional;

/** The area's inpatient guidance catalogue (住院病种引导目录), as far as referrals need it. */
public interface GuidanceCatalogue {

    /** The lowest level that should admit the diagnosis, by its most specific catalogue entry; empty when not listed. */
    Optional<Level> lowestInpatientLevel(Icd10Code diagnosis);
}
