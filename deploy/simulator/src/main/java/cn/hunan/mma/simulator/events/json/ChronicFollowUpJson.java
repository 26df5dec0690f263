package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.prevention.ChronicCondition;
import cn.hunan.mma.events.value.Level;

import java.util.SplittableRandom;

/** {@code ChronicFollowUpRecorded}: a managed chronic patient followed up. */
public final class ChronicFollowUpJson extends HospitalReportJson {

    public SyntheticPseudonyms pseudonyms;
    public long residentIndex;
    public ChronicCondition condition;
    public Level followUpLevel;
    public boolean controlled;

    @Override
    public EventKind kind() {
        return EventKind.CHRONIC_FOLLOW_UP_RECORDED;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        out.raw(Fields.PATIENT);
        pseudonyms.write(out, residentIndex);
        out.raw('"');
        Fields.text(out, Fields.CONDITION, condition.name());
        Fields.text(out, Fields.FOLLOW_UP_LEVEL, followUpLevel.name());
        out.raw(Fields.CONTROLLED).bool(controlled);
    }

    /** The reading was entered wrongly: control status flips. */
    @Override
    public void amend(SplittableRandom random) {
        controlled = !controlled;
    }
}
