package cn.hunan.mma.simulator.events.json;

import cn.hunan.mma.events.care.VisitKind;

import java.util.SplittableRandom;

/** {@code OutpatientVisitRecorded}: one outpatient or emergency visit. */
public final class OutpatientVisitJson extends HospitalReportJson {

    private static final byte[][] VISIT_KINDS = names(VisitKind.values());

    public String departmentId;
    public VisitKind visitKind;
    public SyntheticPseudonyms pseudonyms;
    public long residentIndex;
    public String residenceDivision;
    public String diagnosis;
    public final ChargesJson charges = new ChargesJson();
    public boolean contractedFamilyDoctor;
    /** The referral the visit was booked through, or null. */
    public String referralId;

    @Override
    public EventKind kind() {
        return EventKind.OUTPATIENT_VISIT;
    }

    @Override
    public void writeFields(JsonBuffer out) {
        Fields.text(out, Fields.INSTITUTION, institutionId);
        Fields.text(out, Fields.DEPARTMENT, departmentId);
        out.raw(Fields.VISIT_KIND).raw(VISIT_KINDS[visitKind.ordinal()]).raw('"');
        out.raw(Fields.PATIENT);
        pseudonyms.write(out, residentIndex);
        out.raw('"');
        Fields.text(out, Fields.RESIDENCE, residenceDivision);
        Fields.text(out, Fields.DIAGNOSIS, diagnosis);
        charges.write(out);
        out.raw(Fields.CONTRACTED).bool(contractedFamilyDoctor);
        if (referralId != null) {
            Fields.text(out, Fields.REFERRAL, referralId);
        }
    }

    /** A corrected bill: hospitals most often correct charges. */
    @Override
    public void amend(SplittableRandom random) {
        charges.rescale(0.85 + 0.3 * random.nextDouble());
    }

    static byte[][] names(Enum<?>[] constants) {
        byte[][] names = new byte[constants.length][];
        for (Enum<?> constant : constants) {
            names[constant.ordinal()] = JsonBuffer.asciiBytes(constant.name());
        }
        return names;
    }
}
