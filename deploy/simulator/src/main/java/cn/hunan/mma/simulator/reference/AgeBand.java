package cn.hunan.mma.simulator.reference;

/** The census's age bands (0, 1–4, 5–9, …, 80–84, 85+), in the order of its share columns. */
public enum AgeBand {
    AGE_0(0, 0), AGE_1_4(1, 4), AGE_5_9(5, 9), AGE_10_14(10, 14), AGE_15_19(15, 19), AGE_20_24(20, 24),
    AGE_25_29(25, 29), AGE_30_34(30, 34), AGE_35_39(35, 39), AGE_40_44(40, 44), AGE_45_49(45, 49),
    AGE_50_54(50, 54), AGE_55_59(55, 59), AGE_60_64(60, 64), AGE_65_69(65, 69), AGE_70_74(70, 74),
    AGE_75_79(75, 79), AGE_80_84(80, 84), AGE_85_PLUS(85, 100);

    private static final AgeBand[] ALL = values();

    private final int fromAge;
    private final int toAge;

    AgeBand(int fromAge, int toAge) {
        this.fromAge = fromAge;
        this.toAge = toAge;
    }

    public static AgeBand of(int ordinal) {
        return ALL[ordinal];
    }

    public static int count() {
        return ALL.length;
    }

    public int fromAge() {
        return fromAge;
    }

    public int toAge() {
        return toAge;
    }

    public boolean isChild() {
        return toAge < 15;
    }

    public boolean isElderly() {
        return fromAge >= 65;
    }

    public boolean isAdult() {
        return fromAge >= 20;
    }

    /** The census column suffix, e.g. "1_4" or "85P". */
    String censusColumn() {
        return this == AGE_85_PLUS ? "share_85P" : fromAge == toAge ? "share_" + fromAge : "share_" + fromAge + "_" + toAge;
    }
}
