package cn.hunan.mma.simulator.events.population;

import cn.hunan.mma.simulator.matrix.County;
import cn.hunan.mma.simulator.matrix.Geography;
import cn.hunan.mma.simulator.reference.AgeBand;

/**
 * Care used per resident a year, by census age band: a U-shaped profile (infants and the elderly
 * use most), scaled so the whole province averages the target rates — about 4.5 outpatient and
 * emergency visits and 0.2 admissions per resident a year (DOMAIN §2: ~300 million visits and
 * 13–15 million discharges for 66.4 million people). Calibrated on the province, so an area's
 * rates follow its own age structure: an older county sees more care per head.
 */
public final class CareRates {

    public static final double VISITS_PER_RESIDENT_YEAR = 4.5;
    public static final double ADMISSIONS_PER_RESIDENT_YEAR = 0.2;

    private static final double[] VISIT_PROFILE = {
            9, 7, 4, 3, 2.2, 2.4, 3.0, 3.2, 3.3, 3.6, 4.2, 4.8, 5.5, 6.5, 7.5, 8.5, 9, 9, 8.5};
    private static final double[] ADMISSION_PROFILE = {
            0.35, 0.15, 0.07, 0.05, 0.06, 0.12, 0.16, 0.14, 0.11, 0.11, 0.14, 0.18, 0.22, 0.28, 0.35, 0.42, 0.5, 0.55, 0.55};

    private final double[] visits;
    private final double[] admissions;

    private CareRates(double[] visits, double[] admissions) {
        this.visits = visits;
        this.admissions = admissions;
    }

    public static CareRates calibratedOn(Geography province) {
        double[] shares = new double[AgeBand.count()];
        double total = 0;
        for (County county : province.counties()) {
            for (int b = 0; b < shares.length; b++) {
                shares[b] += county.population() * county.ageBandShares()[b];
            }
            total += county.population();
        }
        return new CareRates(scaled(VISIT_PROFILE, shares, total, VISITS_PER_RESIDENT_YEAR),
                scaled(ADMISSION_PROFILE, shares, total, ADMISSIONS_PER_RESIDENT_YEAR));
    }

    /** Outpatient and emergency visits per resident of the band a year. */
    public double[] visits() {
        return visits.clone();
    }

    /** Admissions per resident of the band a year. */
    public double[] admissions() {
        return admissions.clone();
    }

    private static double[] scaled(double[] profile, double[] residentsByBand, double residents, double target) {
        double raw = 0;
        for (int b = 0; b < profile.length; b++) {
            raw += profile[b] * residentsByBand[b];
        }
        double factor = target * residents / raw;
        double[] rates = new double[profile.length];
        for (int b = 0; b < profile.length; b++) {
            rates[b] = profile[b] * factor;
        }
        return rates;
    }
}
