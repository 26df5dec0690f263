package cn.hunan.mma.simulator.events.json;

import java.util.SplittableRandom;

/** {@code SupportMetricsReported}: an institution's capability and support figures for a period. */
public final class SupportMetricsJson extends HospitalReportJson {

    public String period;
    public int staffTotal;
    public int physicians;
    public int nurses;
    /** Physicians per 1,000 served residents, in hundredths (0.42 → 42). */
    public long physiciansPer1000Hundredths;
    public long fundingFen;
    public boolean informationSystemConnected;
    public int seniorPhysiciansSeconded;
    public boolean townshipCapabilityStandardMet;
    public int sharedCentreServiceVolume;

    @Override
    public EventKind kind() {
        return EventKind.SUPPORT_METRICS_REPORTED;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        Fields.text(out, Fields.PERIOD, period);
        out.raw(Fields.STAFF_TOTAL).number(staffTotal)
                .raw(Fields.PHYSICIANS).number(physicians)
                .raw(Fields.NURSES).number(nurses)
                .raw(Fields.PHYSICIANS_PER_1000).decimal2(physiciansPer1000Hundredths);
        out.raw(Fields.FUNDING).yuan(fundingFen).raw('"');
        out.raw(Fields.CONNECTED).bool(informationSystemConnected)
                .raw(Fields.SECONDED).number(seniorPhysiciansSeconded)
                .raw(Fields.CAPABILITY_MET).bool(townshipCapabilityStandardMet)
                .raw(Fields.SHARED_VOLUME).number(sharedCentreServiceVolume);
    }

    /** The finance office restates the funding actually received. */
    @Override
    public void amend(SplittableRandom random) {
        fundingFen = Math.round(fundingFen * (0.9 + 0.2 * random.nextDouble()));
    }
}
