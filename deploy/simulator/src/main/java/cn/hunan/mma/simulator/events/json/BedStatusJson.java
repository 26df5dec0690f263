package cn.hunan.mma.simulator.events.json;

import java.util.SplittableRandom;

/** {@code BedStatusReported}: a department's beds at a moment. */
public final class BedStatusJson extends HospitalReportJson {

    public String departmentId;
    public int total;
    public int occupied;
    public int reserved;

    @Override
    public EventKind kind() {
        return EventKind.BED_STATUS_REPORTED;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        Fields.text(out, Fields.DEPARTMENT, departmentId);
        out.raw(Fields.TOTAL).number(total).raw(Fields.OCCUPIED).number(occupied).raw(Fields.RESERVED).number(reserved);
    }

    /** A recount of occupied beds. */
    @Override
    public void amend(SplittableRandom random) {
        occupied = Math.max(0, occupied + (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(3)));
    }
}
