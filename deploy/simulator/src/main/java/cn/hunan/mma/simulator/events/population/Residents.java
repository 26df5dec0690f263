package cn.hunan.mma.simulator.events.population;

import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.simulator.events.json.SyntheticPseudonyms;
import cn.hunan.mma.simulator.matrix.County;
import cn.hunan.mma.simulator.matrix.Village;
import cn.hunan.mma.simulator.random.AliasTable;
import cn.hunan.mma.simulator.random.Mix;
import cn.hunan.mma.simulator.reference.AgeBand;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The residents of one county-level unit, never materialised: resident {@code i} (0 ≤ i &lt;
 * population) is laid out age band by age band, and within a band spread over the villages in
 * proportion to their populations. Everything else about a resident — sex, chronic conditions,
 * management, a family-doctor contract, the pseudonym — is a pure function of (seed, county, i),
 * so the same person shows the same traits in every event. Immutable and thread-safe.
 */
public final class Residents {

    private static final int BANDS = AgeBand.count();
    private static final double FEMALE_SHARE = 0.49;

    private final County county;
    private final long population;
    private final long[] bandStart = new long[BANDS + 1];
    private final long[] villageEnd;
    private final String[] villageCodes;
    private final boolean[] villageUrban;
    private final long traitSalt;
    private final SyntheticPseudonyms pseudonyms;

    public Residents(County county, List<Village> villages, long seed) {
        this.county = county;
        this.population = county.population();
        long[] counts = bandCounts(county);
        for (int b = 0; b < BANDS; b++) {
            bandStart[b + 1] = bandStart[b] + counts[b];
        }
        this.villageEnd = new long[villages.size()];
        this.villageCodes = new String[villages.size()];
        this.villageUrban = new boolean[villages.size()];
        long sum = 0;
        for (int v = 0; v < villages.size(); v++) {
            sum += villages.get(v).population();
            villageEnd[v] = sum;
            villageCodes[v] = villages.get(v).code();
            villageUrban[v] = villages.get(v).community();
        }
        this.traitSalt = Mix.hash(Mix.hash(seed, "resident-traits"), Long.parseLong(county.code()));
        this.pseudonyms = new SyntheticPseudonyms(seed, county.code());
    }

    public County county() {
        return county;
    }

    public long population() {
        return population;
    }

    public long bandSize(int band) {
        return bandStart[band + 1] - bandStart[band];
    }

    public SyntheticPseudonyms pseudonyms() {
        return pseudonyms;
    }

    /** A uniformly chosen resident of an age band. */
    public long drawIn(int band, SplittableRandom random) {
        long size = bandSize(band);
        return bandStart[band] + (size <= 1 ? 0 : random.nextLong(size));
    }

    public int bandOf(long resident) {
        int low = 0;
        int high = BANDS - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (bandStart[mid] <= resident) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The village (index into the care network's village list) a resident lives in. */
    public int villageOf(long resident) {
        return villageOf(resident, bandOf(resident));
    }

    /** The same, for a resident whose age band is known. */
    public int villageOf(long resident, int band) {
        long size = bandSize(band);
        long position = size == 0 ? 0 : (long) ((resident - bandStart[band] + 0.5) * ((double) population / size));
        int low = 0;
        int high = villageEnd.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (villageEnd[mid] > position) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    public String villageCode(int village) {
        return villageCodes[village];
    }

    public boolean livesInTown(int village) {
        return villageUrban[village];
    }

    public boolean female(long resident) {
        return unit(resident, 1) < FEMALE_SHARE;
    }

    public boolean has(long resident, int band, ChronicCondition condition) {
        double prevalence = ChronicProfile.prevalence(condition, band);
        return prevalence > 0 && unit(resident, 10 + condition.ordinal()) < prevalence;
    }

    /** Under standard management for the condition (and so followed up in primary care). */
    public boolean managed(long resident, int band, ChronicCondition condition) {
        return has(resident, band, condition) && unit(resident, 20 + condition.ordinal()) < ChronicProfile.managedShare(condition);
    }

    public boolean managedForAny(long resident, int band) {
        for (ChronicCondition condition : ChronicCondition.values()) {
            if (managed(resident, band, condition)) {
                return true;
            }
        }
        return false;
    }

    /** Holds a family-doctor contract: most elderly and managed chronic patients, fewer others. */
    public boolean contracted(long resident, int band) {
        double u = unit(resident, 2);
        double unmanaged = ContractProfile.probability(band, false);
        double managed = ContractProfile.probability(band, true);
        // Only a draw between the two probabilities depends on management, which costs up to ten hashes.
        if (u < Math.min(unmanaged, managed)) {
            return true;
        }
        if (u >= Math.max(unmanaged, managed)) {
            return false;
        }
        return u < ContractProfile.probability(band, managedForAny(resident, band));
    }

    /** A resident-stable uniform number for one trait. */
    public double unit(long resident, int trait) {
        return Mix.unit(Mix.hash(traitSalt, resident, trait));
    }

    /** Draws an age band with weights per band, e.g. band size × visit rate. */
    public AliasTable bandTable(double[] perCapitaWeights) {
        double[] weights = new double[BANDS];
        for (int b = 0; b < BANDS; b++) {
            weights[b] = bandSize(b) * perCapitaWeights[b];
        }
        return new AliasTable(weights);
    }

    private static long[] bandCounts(County county) {
        long[] counts = new long[BANDS];
        double[] exact = new double[BANDS];
        long assigned = 0;
        for (int b = 0; b < BANDS; b++) {
            exact[b] = county.population() * county.ageBandShares()[b];
            counts[b] = (long) Math.floor(exact[b]);
            assigned += counts[b];
        }
        for (int b = 0; assigned < county.population(); b = (b + 1) % BANDS) {
            if (exact[b] - counts[b] > 0 || b == BANDS - 1) {
                counts[b]++;
                assigned++;
            }
        }
        return counts;
    }
}
