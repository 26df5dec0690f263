package cn.hunan.mma.simulator.events.json;

/**
 * An event a hospital reports about itself: keyed by the reporting institution, as every
 * hospital-report topic of the contract is.
 */
public abstract class HospitalReportJson implements EventJson {

    public String institutionId;
    /** Epoch seconds. */
    public long occurredAt;

    @Override
    public final String key() {
        return institutionId;
    }

    @Override
    public final long occurredAt() {
        return occurredAt;
    }
}
