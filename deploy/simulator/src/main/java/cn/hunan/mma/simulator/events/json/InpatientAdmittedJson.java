package cn.hunan.mma.simulator.events.json;

/** {@code InpatientAdmitted}: a patient admitted, possibly through a referral. */
public final class InpatientAdmittedJson extends HospitalReportJson {

    public String departmentId;
    public SyntheticPseudonyms pseudonyms;
    public long residentIndex;
    public String residenceDivision;
    public String admittingDiagnosis;
    public String referralId;
    public String episodeId;

    @Override
    public EventKind kind() {
        return EventKind.INPATIENT_ADMITTED;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        Fields.text(out, Fields.DEPARTMENT, departmentId);
        out.raw(Fields.PATIENT);
        pseudonyms.write(out, residentIndex);
        out.raw('"');
        Fields.text(out, Fields.RESIDENCE, residenceDivision);
        Fields.text(out, Fields.ADMITTING_DIAGNOSIS, admittingDiagnosis);
        if (referralId != null) {
            Fields.text(out, Fields.REFERRAL, referralId);
        }
        if (episodeId != null) {
            Fields.text(out, Fields.EPISODE, episodeId);
        }
    }
}
