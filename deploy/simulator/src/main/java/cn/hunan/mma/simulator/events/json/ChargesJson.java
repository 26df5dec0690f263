package cn.hunan.mma.simulator.events.json;

/**
 * The {@code charges} object, in fen. Fund-paid and out-of-pocket together never exceed the
 * total (the rest is the personal account), as the contract requires.
 */
public final class ChargesJson {

    public long totalFen;
    public long fundPaidFen;
    public long outOfPocketFen;

    /**
     * Splits a bill: the fund pays {@code fundShare} of what exceeds the deductible; the patient pays
     * the rest in cash except {@code accountShare} of it, which the personal account covers.
     */
    public void set(long totalFen, long deductibleFen, double fundShare, double accountShare) {
        this.totalFen = totalFen;
        long coverable = Math.max(0, totalFen - deductibleFen);
        this.fundPaidFen = Math.min(totalFen, Math.round(coverable * fundShare));
        long patientPart = totalFen - fundPaidFen;
        this.outOfPocketFen = patientPart - Math.round(patientPart * accountShare);
    }

    /** Scales every part by the same factor, keeping the parts within the total. */
    void rescale(double factor) {
        totalFen = Math.max(1, Math.round(totalFen * factor));
        fundPaidFen = Math.min(totalFen, Math.round(fundPaidFen * factor));
        outOfPocketFen = Math.min(totalFen - fundPaidFen, Math.round(outOfPocketFen * factor));
    }

    void write(JsonBuffer out) {
        out.raw(Fields.CHARGES_TOTAL).yuan(totalFen)
                .raw(Fields.FUND_PAID).yuan(fundPaidFen)
                .raw(Fields.OUT_OF_POCKET).yuan(outOfPocketFen)
                .raw(Fields.CHARGES_END);
    }
}
