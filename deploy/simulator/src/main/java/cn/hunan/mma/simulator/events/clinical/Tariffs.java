package cn.hunan.mma.simulator.events.clinical;

import cn.hunan.mma.events.value.Level;
import cn.hunan.mma.simulator.events.json.ChargesJson;
import cn.hunan.mma.simulator.random.Draws;

import java.util.SplittableRandom;

/**
 * What care costs and who pays, by level: a stay costs its DRG weight times a level's rate per
 * weight point (township 3,500 … province 14,000 yuan) with ±30% log-normal spread; the fund pays
 * a level's share above the deductible (起付线), less for care outside the insured city, and none
 * of the deductible again when a referral continues an episode (起付线连续计算). Outpatient bills
 * are log-normal around a level's median. Plausible orders of magnitude, not Hunan's tariffs.
 */
public final class Tariffs {

    private Tariffs() {
    }

    public static void inpatient(ChargesJson charges, double relativeWeight, Level level, boolean outsideInsuredCity,
                                 boolean continuingEpisode, SplittableRandom random) {
        double yuan = relativeWeight * ratePerWeight(level) * Draws.logNormal(random, 1, 0.3);
        long deductible = continuingEpisode ? 0 : deductibleYuan(level) * 100;
        double share = inpatientFundShare(level) - (outsideInsuredCity ? 0.10 : 0);
        charges.set(Math.max(100, Math.round(yuan * 100)), deductible, share, 0.10);
    }

    public static void outpatient(ChargesJson charges, Level level, boolean emergency, SplittableRandom random) {
        double yuan = Draws.logNormal(random, outpatientMedian(level), 0.55) * (emergency ? 1.6 : 1);
        charges.set(Math.max(500, Math.round(yuan * 100)), 0, outpatientFundShare(level), 0.30);
    }

    /** Days in hospital: a level's median, longer for heavier groups, log-normal, 1 to 90. */
    public static int lengthOfStay(double relativeWeight, Level level, SplittableRandom random) {
        double median = switch (level) {
            case VILLAGE, TOWNSHIP -> 6;
            case COUNTY -> 7.5;
            case CITY -> 8.5;
            case PROVINCE -> 9;
        } * (0.7 + 0.3 * Math.sqrt(relativeWeight));
        return (int) Math.max(1, Math.min(90, Math.round(Draws.logNormal(random, median, 0.45))));
    }

    private static double ratePerWeight(Level level) {
        return switch (level) {
            case VILLAGE, TOWNSHIP -> 3_500;
            case COUNTY -> 7_500;
            case CITY -> 11_000;
            case PROVINCE -> 14_000;
        };
    }

    private static long deductibleYuan(Level level) {
        return switch (level) {
            case VILLAGE, TOWNSHIP -> 200;
            case COUNTY -> 500;
            case CITY -> 800;
            case PROVINCE -> 1_200;
        };
    }

    private static double inpatientFundShare(Level level) {
        return switch (level) {
            case VILLAGE, TOWNSHIP -> 0.85;
            case COUNTY -> 0.75;
            case CITY -> 0.65;
            case PROVINCE -> 0.55;
        };
    }

    private static double outpatientMedian(Level level) {
        return switch (level) {
            case VILLAGE -> 35;
            case TOWNSHIP -> 85;
            case COUNTY -> 230;
            case CITY -> 320;
            case PROVINCE -> 450;
        };
    }

    private static double outpatientFundShare(Level level) {
        return switch (level) {
            case VILLAGE -> 0.60;
            case TOWNSHIP -> 0.50;
            case COUNTY -> 0.35;
            case CITY -> 0.30;
            case PROVINCE -> 0.25;
        };
    }
}
