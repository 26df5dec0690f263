package cn.hunan.mma.simulator.matrix;

/**
 * A clinical department type: its id (the department id in every institution that has one),
 * Chinese name, and how it is used. Diagnoses are routed to service lines; an institution without
 * the line sends the patient to the closest department it has ({@link #fallbacks()}).
 */
public enum ServiceLine {
    GENERAL_MEDICINE("general-medicine", "全科医学科", Family.GENERAL, 0.6, 1.0),
    INTERNAL_MEDICINE("internal-medicine", "内科", Family.MEDICAL, 1.0, 1.0),
    SURGERY("surgery", "外科", Family.SURGICAL, 0.8, 0.5),
    EMERGENCY("emergency", "急诊科", Family.GENERAL, 0.2, 0.9),
    CARDIOLOGY("cardiology", "心血管内科", Family.MEDICAL, 1.2, 1.0),
    RESPIRATORY("respiratory", "呼吸与危重症医学科", Family.MEDICAL, 1.1, 1.0),
    GASTROENTEROLOGY("gastroenterology", "消化内科", Family.MEDICAL, 0.9, 0.9),
    NEUROLOGY("neurology", "神经内科", Family.MEDICAL, 1.1, 0.8),
    ENDOCRINOLOGY("endocrinology", "内分泌科", Family.MEDICAL, 0.6, 0.8),
    NEPHROLOGY("nephrology", "肾内科", Family.MEDICAL, 0.6, 0.5),
    HEMATOLOGY("hematology", "血液内科", Family.MEDICAL, 0.5, 0.3),
    ONCOLOGY("oncology", "肿瘤科", Family.MEDICAL, 0.9, 0.5),
    INFECTIOUS_DISEASES("infectious-diseases", "感染科", Family.MEDICAL, 0.4, 0.4),
    GENERAL_SURGERY("general-surgery", "普通外科", Family.SURGICAL, 1.2, 0.8),
    ORTHOPEDICS("orthopedics", "骨科", Family.SURGICAL, 1.1, 0.8),
    NEUROSURGERY("neurosurgery", "神经外科", Family.SURGICAL, 0.7, 0.3),
    CARDIOTHORACIC_SURGERY("cardiothoracic-surgery", "心胸外科", Family.SURGICAL, 0.5, 0.2),
    UROLOGY("urology", "泌尿外科", Family.SURGICAL, 0.6, 0.5),
    OBSTETRICS("obstetrics", "产科", Family.WOMEN, 0.8, 0.5),
    GYNECOLOGY("gynecology", "妇科", Family.WOMEN, 0.6, 0.7),
    OBSTETRICS_GYNECOLOGY("obstetrics-gynecology", "妇产科", Family.WOMEN, 0.7, 0.6),
    PEDIATRICS("pediatrics", "儿科", Family.CHILDREN, 0.9, 1.0),
    NEONATOLOGY("neonatology", "新生儿科", Family.CHILDREN, 0.4, 0.1),
    CHILD_HEALTH("child-health", "儿童保健科", Family.CHILDREN, 0.0, 0.6),
    OPHTHALMOLOGY("ophthalmology", "眼科", Family.SURGICAL, 0.3, 0.6),
    OTOLARYNGOLOGY("otolaryngology", "耳鼻咽喉科", Family.SURGICAL, 0.3, 0.6),
    STOMATOLOGY("stomatology", "口腔科", Family.SURGICAL, 0.1, 0.7),
    DERMATOLOGY("dermatology", "皮肤科", Family.MEDICAL, 0.1, 0.6),
    PSYCHIATRY("psychiatry", "精神科", Family.MEDICAL, 0.6, 0.4),
    REHABILITATION("rehabilitation", "康复医学科", Family.GENERAL, 0.7, 0.4),
    CRITICAL_CARE("critical-care", "重症医学科", Family.GENERAL, 0.3, 0.0),
    TCM("tcm", "中医科", Family.TCM, 0.5, 0.7),
    TCM_INTERNAL_MEDICINE("tcm-internal-medicine", "中医内科", Family.TCM, 1.0, 1.0),
    ACUPUNCTURE("acupuncture", "针灸推拿科", Family.TCM, 0.4, 0.8),
    TCM_ORTHOPEDICS("tcm-orthopedics", "中医骨伤科", Family.TCM, 0.8, 0.7),
    PUBLIC_HEALTH("public-health", "预防保健科", Family.GENERAL, 0.0, 0.5);

    /** How a line falls back when an institution does not have it. */
    enum Family { GENERAL, MEDICAL, SURGICAL, WOMEN, CHILDREN, TCM }

    private static final ServiceLine[] ALL = values();

    private final String departmentId;
    private final String departmentName;
    private final Family family;
    private final double bedWeight;
    private final double clinicWeight;

    ServiceLine(String departmentId, String departmentName, Family family, double bedWeight, double clinicWeight) {
        this.departmentId = departmentId;
        this.departmentName = departmentName;
        this.family = family;
        this.bedWeight = bedWeight;
        this.clinicWeight = clinicWeight;
    }

    public static ServiceLine of(int ordinal) {
        return ALL[ordinal];
    }

    public static int count() {
        return ALL.length;
    }

    public String departmentId() {
        return departmentId;
    }

    public String departmentName() {
        return departmentName;
    }

    /** Share of an institution's beds relative to other lines (0: no beds). */
    double bedWeight() {
        return bedWeight;
    }

    /** Share of an institution's clinic slots relative to other lines. */
    double clinicWeight() {
        return clinicWeight;
    }

    /** Departments that run expert clinics (专家门诊) at county level and above. */
    boolean holdsExpertClinics() {
        return family != Family.GENERAL || this == REHABILITATION;
    }

    boolean isTcm() {
        return family == Family.TCM;
    }

    /** Medical and general lines: for a child these are the paediatrician's. */
    public boolean medical() {
        return family == Family.MEDICAL || family == Family.GENERAL;
    }

    /** Where a patient needing this line goes in an institution without it, best first. */
    ServiceLine[] fallbacks() {
        return switch (family) {
            case MEDICAL -> new ServiceLine[] {INTERNAL_MEDICINE, TCM_INTERNAL_MEDICINE, TCM, GENERAL_MEDICINE, EMERGENCY};
            case SURGICAL -> this == ORTHOPEDICS
                    ? new ServiceLine[] {TCM_ORTHOPEDICS, GENERAL_SURGERY, SURGERY, GENERAL_MEDICINE, EMERGENCY}
                    : new ServiceLine[] {GENERAL_SURGERY, SURGERY, GENERAL_MEDICINE, EMERGENCY};
            case WOMEN -> new ServiceLine[] {OBSTETRICS_GYNECOLOGY, OBSTETRICS, GYNECOLOGY, GENERAL_MEDICINE, INTERNAL_MEDICINE};
            case CHILDREN -> new ServiceLine[] {PEDIATRICS, NEONATOLOGY, CHILD_HEALTH, GENERAL_MEDICINE, INTERNAL_MEDICINE};
            case TCM -> new ServiceLine[] {TCM_INTERNAL_MEDICINE, TCM, ACUPUNCTURE, INTERNAL_MEDICINE, GENERAL_MEDICINE};
            case GENERAL -> new ServiceLine[] {GENERAL_MEDICINE, INTERNAL_MEDICINE, EMERGENCY, TCM_INTERNAL_MEDICINE, REHABILITATION};
        };
    }
}
