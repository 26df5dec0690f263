package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.prevention.KeyGroup;

import java.util.EnumSet;
import java.util.Set;

/** {@code FamilyDoctorContractSigned}: a resident signs a year's contract with a primary-care team. */
public final class FamilyDoctorContractJson extends HospitalReportJson {

    private static final byte[][] GROUPS = OutpatientVisitJson.names(KeyGroup.values());

    public SyntheticPseudonyms pseudonyms;
    public long residentIndex;
    public String teamId;
    public final Set<KeyGroup> keyGroups = EnumSet.noneOf(KeyGroup.class);
    public long validFromEpochDay;
    public long validToEpochDay;

    @Override
    public EventKind kind() {
        return EventKind.FAMILY_DOCTOR_CONTRACT_SIGNED;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        out.raw(Fields.PATIENT);
        pseudonyms.write(out, residentIndex);
        out.raw('"');
        Fields.text(out, Fields.TEAM, teamId);
        out.raw(Fields.KEY_GROUPS);
        boolean first = true;
        for (KeyGroup group : keyGroups) {
            if (!first) {
                out.raw(',');
            }
            out.raw('"').raw(GROUPS[group.ordinal()]).raw('"');
            first = false;
        }
        out.raw(']');
        out.raw(Fields.VALID_FROM).date(validFromEpochDay).raw('"');
        out.raw(Fields.VALID_TO).date(validToEpochDay).raw('"');
    }
}
