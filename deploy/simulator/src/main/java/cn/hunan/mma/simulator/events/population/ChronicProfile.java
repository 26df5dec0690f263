package cn.hunan.mma.simulator.events.population;

import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.simulator.reference.AgeBand;

/**
 * Chronic-disease prevalence by census age band, the share of patients under standard management
 * in primary care, and how often those are followed up a year. Orders of magnitude follow the
 * China Hypertension Survey 2012–15 and the 2017 diabetes survey (hypertension ~45% at 60–64,
 * diabetes ~20% at 65+); they are model inputs, not statistics of Hunan.
 */
public final class ChronicProfile {

    private static final double[] HYPERTENSION = {
            0, 0, 0, 0, 0.01, 0.03, 0.04, 0.06, 0.10, 0.15, 0.22, 0.29, 0.37, 0.44, 0.50, 0.55, 0.58, 0.60, 0.60};
    private static final double[] DIABETES = {
            0, 0, 0, 0, 0.002, 0.02, 0.02, 0.04, 0.04, 0.07, 0.10, 0.13, 0.16, 0.19, 0.22, 0.24, 0.24, 0.24, 0.24};
    private static final double[] COPD = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0.04, 0.05, 0.08, 0.10, 0.13, 0.16, 0.19, 0.22, 0.22, 0.22};
    private static final double[] SEVERE_MENTAL_DISORDER = {
            0, 0, 0, 0, 0.004, 0.006, 0.006, 0.006, 0.006, 0.006, 0.006, 0.006, 0.006, 0.006, 0.005, 0.005, 0.004, 0.004, 0.004};
    private static final double[] TUBERCULOSIS = {
            0, 0, 0, 0, 0.0004, 0.0004, 0.0004, 0.0004, 0.0004, 0.0005, 0.0005, 0.0005, 0.0006, 0.0006, 0.0008, 0.0008, 0.0008, 0.0008, 0.0008};

    /** Indexed [condition][band]: looked up several times per event, so no switch on the hot path. */
    private static final double[][] PREVALENCE = new double[ChronicCondition.values().length][];

    static {
        for (ChronicCondition condition : ChronicCondition.values()) {
            if (table(condition).length != AgeBand.count()) {
                throw new IllegalStateException(condition + " needs one prevalence per age band");
            }
            PREVALENCE[condition.ordinal()] = table(condition);
        }
    }

    private ChronicProfile() {
    }

    public static double prevalence(ChronicCondition condition, int band) {
        return PREVALENCE[condition.ordinal()][band];
    }

    /** Share of patients in standard management (规范管理), i.e. followed up by primary care. */
    public static double managedShare(ChronicCondition condition) {
        return switch (condition) {
            case HYPERTENSION, DIABETES -> 0.45;
            case COPD -> 0.10;
            case SEVERE_MENTAL_DISORDER -> 0.85;
            case TUBERCULOSIS -> 0.95;
        };
    }

    /** Follow-ups a managed patient gets a year (quarterly for hypertension and diabetes). */
    public static int followUpsPerYear(ChronicCondition condition) {
        return switch (condition) {
            case HYPERTENSION, DIABETES, SEVERE_MENTAL_DISORDER -> 4;
            case COPD -> 2;
            case TUBERCULOSIS -> 6;
        };
    }

    /** Share of follow-ups that find the condition under control. */
    public static double controlledShare(ChronicCondition condition) {
        return switch (condition) {
            case HYPERTENSION -> 0.68;
            case DIABETES -> 0.58;
            case COPD -> 0.60;
            case SEVERE_MENTAL_DISORDER -> 0.80;
            case TUBERCULOSIS -> 0.90;
        };
    }

    private static double[] table(ChronicCondition condition) {
        return switch (condition) {
            case HYPERTENSION -> HYPERTENSION;
            case DIABETES -> DIABETES;
            case COPD -> COPD;
            case SEVERE_MENTAL_DISORDER -> SEVERE_MENTAL_DISORDER;
            case TUBERCULOSIS -> TUBERCULOSIS;
        };
    }
}
