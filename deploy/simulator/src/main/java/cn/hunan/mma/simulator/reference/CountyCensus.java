package cn.hunan.mma.simulator.reference;

/**
 * 2020 census figures for one county-level unit, under its current (2023) code.
 *
 * @param population     residents
 * @param urbanShare     0–1
 * @param ageBandShares  one share per {@link AgeBand}, summing to 1
 */
public record CountyCensus(String code, String name, long population, double urbanShare, double[] ageBandShares) {

    public double ageShare(AgeBand band) {
        return ageBandShares[band.ordinal()];
    }
}
