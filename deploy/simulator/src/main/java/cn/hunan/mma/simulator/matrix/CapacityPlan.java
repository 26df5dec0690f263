package cn.hunan.mma.simulator.matrix;

import cn.hunan.mma.events.value.Level;

/**
 * How much capacity each level gets for the residents it serves. Hunan had about 7–8 beds per
 * 1,000 residents in the early 2020s (public and private); the synthetic public matrix gets 6.3,
 * split by level as below. Clinic slots follow the event generator's visit volume: about 4.5
 * visits per resident per year, split by level, over 300 clinic days, with 25% headroom.
 */
final class CapacityPlan {

    static final double VISITS_PER_RESIDENT_YEAR = 4.5;
    private static final double CLINIC_DAYS_PER_YEAR = 300;
    private static final double SLOT_HEADROOM = 1.25;

    private CapacityPlan() {
    }

    static double bedsPerThousand(Level level) {
        return switch (level) {
            case VILLAGE -> 0;
            case TOWNSHIP -> 1.3;
            case COUNTY -> 3.0;
            case CITY -> 1.6;
            case PROVINCE -> 0.4;
        };
    }

    /** Expected share of outpatient and emergency visits handled at each level. */
    static double visitShare(Level level) {
        return switch (level) {
            case VILLAGE -> 0.28;
            case TOWNSHIP -> 0.27;
            case COUNTY -> 0.27;
            case CITY -> 0.11;
            case PROVINCE -> 0.07;
        };
    }

    static int beds(long population, Level level) {
        return (int) Math.round(population * bedsPerThousand(level) / 1000);
    }

    static int dailySlots(long population, Level level) {
        return (int) Math.max(4, Math.round(population * VISITS_PER_RESIDENT_YEAR * visitShare(level)
                / CLINIC_DAYS_PER_YEAR * SLOT_HEADROOM));
    }
}
