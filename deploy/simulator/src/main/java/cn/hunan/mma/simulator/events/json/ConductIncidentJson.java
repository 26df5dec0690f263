package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.conduct.IncidentKind;

import java.util.SplittableRandom;

/** {@code ConductIncidentRecorded}: a complaint, violation or improper charge. */
public final class ConductIncidentJson extends HospitalReportJson {

    public IncidentKind incidentKind;
    public boolean verified;
    /** The sum involved in fen, or a negative number when there is none. */
    public long amountFen = -1;

    @Override
    public EventKind kind() {
        return EventKind.CONDUCT_INCIDENT_RECORDED;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        Fields.text(out, Fields.KIND, incidentKind.name());
        out.raw(Fields.VERIFIED).bool(verified);
        if (amountFen >= 0) {
            out.raw(Fields.AMOUNT).yuan(amountFen).raw('"');
        }
    }

    /** The usual correction of an incident: the investigation confirms it. */
    @Override
    public void amend(SplittableRandom random) {
        verified = true;
    }
}
