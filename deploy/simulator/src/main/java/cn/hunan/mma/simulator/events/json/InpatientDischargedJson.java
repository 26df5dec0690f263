package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.care.DischargeMode;

import java.util.SplittableRandom;

/** {@code InpatientDischarged}: the end of a stay with its settlement-list facts. */
public final class InpatientDischargedJson extends HospitalReportJson {

    private static final int MAX_PROCEDURES = 4;

    public String departmentId;
    public SyntheticPseudonyms pseudonyms;
    public long residentIndex;
    public String residenceDivision;
    public String insuredAreaDivision;
    public String principalDiagnosis;
    private final String[] procedures = new String[MAX_PROCEDURES];
    private int procedureCount;
    public String drgGroup;
    public final ChargesJson charges = new ChargesJson();
    public DischargeMode dischargeMode;
    public long admissionEpochDay;
    public long dischargeEpochDay;
    public String episodeId;

    public void clearProcedures() {
        procedureCount = 0;
    }

    public void addProcedure(String code) {
        if (procedureCount < MAX_PROCEDURES) {
            procedures[procedureCount++] = code;
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.INPATIENT_DISCHARGED;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        Fields.text(out, Fields.DEPARTMENT, departmentId);
        out.raw(Fields.PATIENT);
        pseudonyms.write(out, residentIndex);
        out.raw('"');
        Fields.text(out, Fields.RESIDENCE, residenceDivision);
        Fields.text(out, Fields.INSURED_AREA, insuredAreaDivision);
        Fields.text(out, Fields.PRINCIPAL_DIAGNOSIS, principalDiagnosis);
        out.raw(Fields.PROCEDURES);
        for (int i = 0; i < procedureCount; i++) {
            if (i > 0) {
                out.raw(',');
            }
            out.raw('"').ascii(procedures[i]).raw('"');
        }
        out.raw(']');
        Fields.text(out, Fields.DRG, drgGroup);
        charges.write(out);
        Fields.text(out, Fields.DISCHARGE_MODE, dischargeMode.nationalCode());
        out.raw(Fields.ADMISSION_DATE).date(admissionEpochDay).raw('"');
        out.raw(Fields.DISCHARGE_DATE).date(dischargeEpochDay).raw('"');
        out.raw(Fields.LENGTH_OF_STAY).number(lengthOfStayDays());
        if (episodeId != null) {
            Fields.text(out, Fields.EPISODE, episodeId);
        }
    }

    /** 住院天数 as the front sheet counts it: discharge date minus admission date. */
    public long lengthOfStayDays() {
        return dischargeEpochDay - admissionEpochDay;
    }

    /** A corrected settlement: the bill changes, the stay does not. */
    @Override
    public void amend(SplittableRandom random) {
        charges.rescale(0.9 + 0.2 * random.nextDouble());
    }
}
