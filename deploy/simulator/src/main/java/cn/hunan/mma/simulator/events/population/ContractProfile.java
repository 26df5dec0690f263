package cn.hunan.mma.simulator.events.population;

import cn.hunan.mma.simulator.reference.AgeBand;

/**
 * Who holds a family-doctor contract (家庭医生签约): about a quarter of residents overall, most of
 * the elderly (65+) and of managed chronic patients, and about half of young children — the key
 * groups the contract-rate indicator counts.
 */
public final class ContractProfile {

    private ContractProfile() {
    }

    public static double probability(int band, boolean managedChronicPatient) {
        if (managedChronicPatient) {
            return 0.80;
        }
        AgeBand age = AgeBand.of(band);
        if (age.isElderly()) {
            return 0.70;
        }
        return age.toAge() <= 4 ? 0.45 : 0.20;
    }
}
