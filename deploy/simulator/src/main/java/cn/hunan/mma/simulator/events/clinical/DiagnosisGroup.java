package cn.hunan.mma.simulator.events.clinical;

import cn.hunan.mma.simulator.matrix.ServiceLine;

import java.util.Arrays;
import java.util.List;

import static cn.hunan.mma.simulator.matrix.ServiceLine.*;

/**
 * The disease mix by ICD-10 block: which categories a group spans, its usual department, its
 * weight among outpatient and inpatient diagnoses for children (&lt;15), adults and the elderly
 * (65+), and its most common categories (drawn 20 times as often as the group's other ones).
 * Weights are relative and modelled on the shape of Chinese health statistics (respiratory and
 * circulatory diseases lead; pregnancy is a large inpatient group), not measured for Hunan.
 */
public enum DiagnosisGroup {
    RESPIRATORY_ACUTE("J00-J06,J20-J22", RESPIRATORY, 0.20, w(38, 14, 8), w(12, 2, 2), "J06,J02,J03,J20,J00"),
    PNEUMONIA("J09-J18", RESPIRATORY, 0.10, w(4, 1.5, 3), w(22, 4, 10), "J18,J15,J12"),
    CHRONIC_RESPIRATORY("J30-J99", RESPIRATORY, 0.10, w(2, 2, 6), w(3, 2, 8), "J44,J45,J42,J47,J31"),
    HYPERTENSION("I10-I15", CARDIOLOGY, 0.05, w(0, 1, 2), w(0, 2, 4), "I10,I11"),
    ISCHAEMIC_HEART("I20-I25", CARDIOLOGY, 0.25, w(0, 1.5, 6), w(0, 3, 9), "I25,I20,I21"),
    OTHER_CARDIAC("I00-I09,I26-I52,I70-I99", CARDIOLOGY, 0.15, w(0.3, 1, 3), w(0.5, 2, 5), "I48,I50,I49,I83,I80"),
    CEREBROVASCULAR("I60-I69", NEUROLOGY, 0.10, w(0, 1, 5), w(0, 4, 12), "I63,I69,I61,I67"),
    DIABETES("E10-E14", ENDOCRINOLOGY, 0.05, w(0.1, 0.5, 1), w(0.2, 2.5, 4), "E11,E14"),
    OTHER_ENDOCRINE("E00-E07,E15-E90", ENDOCRINOLOGY, 0.10, w(0.5, 2, 2), w(0.3, 1, 1), "E78,E05,E03,E87"),
    UPPER_GI("K20-K31", GASTROENTEROLOGY, 0.10, w(3, 7, 6), w(2, 3, 3), "K29,K21,K25,K30"),
    DENTAL("K00-K14", STOMATOLOGY, 0.30, w(4, 4, 2), w(0.2, 0.3, 0.2), "K02,K05,K04,K08"),
    ABDOMINAL_SURGICAL("K35-K46", GENERAL_SURGERY, 0.85, w(0.5, 1, 0.8), w(3, 4, 2.5), "K35,K40"),
    LIVER_BILIARY("K70-K87", GASTROENTEROLOGY, 0.30, w(0.2, 2, 2), w(0.5, 5, 5), "K80,K81,K76,K74,K85"),
    OTHER_DIGESTIVE("K50-K67,K90-K93", GASTROENTEROLOGY, 0.20, w(2, 2, 2), w(2, 2, 2), "K52,K59,K56,K57,K92"),
    MUSCULOSKELETAL("M00-M99", ORTHOPEDICS, 0.40, w(1, 9, 10), w(1, 6, 6), "M54,M17,M47,M51,M48,M81"),
    INJURY("S00-S99", ORTHOPEDICS, 0.50, w(4, 5, 4), w(6, 7, 5), "S06,S72,S82,S52,S42,S32,S00,S60,S80,S22"),
    POISONING_AND_BURNS("T00-T98", EMERGENCY, 0.15, w(1, 1, 0.5), w(2, 2, 1), "T14,T78,T65,T63,T20"),
    KIDNEY_AND_URINARY("N00-N39", NEPHROLOGY, 0.25, w(1, 3, 3), w(1.5, 3, 3), "N39,N20,N18,N30,N04"),
    MALE_GENITAL("N40-N53", UROLOGY, 0.50, w(0.2, 1, 2), w(0.3, 1, 2), "N40,N41,N43"),
    FEMALE_GENITAL("N60-N98", GYNECOLOGY, 0.50, w(0.2, 4, 1), w(0.2, 5, 1), "N76,N84,N83,N92,N60,N95"),
    PREGNANCY("O00-O99", OBSTETRICS, 0.35, w(0, 3, 0), w(0, 14, 0), "O80,O82,O03,O34,O14,O24,O99,O70,O48"),
    PERINATAL("P00-P96", NEONATOLOGY, 0.05, w(3, 0, 0), w(15, 0, 0), "P59,P07,P22,P39,P21"),
    NEOPLASM("C00-D48", ONCOLOGY, 0.35, w(0.2, 1.5, 3), w(1.5, 8, 10), "C34,C16,C22,C18,C20,C50,C53,C15,C61,C73,D25,D17,D36"),
    BLOOD("D50-D89", HEMATOLOGY, 0.05, w(0.5, 0.5, 0.5), w(1, 1, 1), "D50,D64,D69,D61"),
    INFECTIOUS("A00-B99", INFECTIOUS_DISEASES, 0.05, w(6, 2, 1), w(6, 2, 1.5), "A09,B01,B02,A15,B18,A08,B34,A16"),
    MENTAL("F00-F99", PSYCHIATRY, 0.02, w(0.5, 2, 1), w(0.3, 2, 1), "F32,F41,F20,F51,F10,F31"),
    NERVOUS("G00-G99", NEUROLOGY, 0.10, w(1, 2, 2), w(1.5, 2, 2), "G40,G45,G43,G20,G51,G47"),
    EYE("H00-H59", OPHTHALMOLOGY, 0.60, w(3, 3, 4), w(0.3, 1, 3), "H10,H25,H52,H40,H11"),
    EAR("H60-H95", OTOLARYNGOLOGY, 0.40, w(3, 1.5, 1), w(1, 1, 0.5), "H65,H66,H81,H91,H61"),
    SKIN("L00-L99", DERMATOLOGY, 0.20, w(4, 4, 2), w(1, 1, 0.5), "L30,L20,L50,L03,L02,L23"),
    CONGENITAL("Q00-Q99", PEDIATRICS, 0.40, w(0.5, 0.1, 0), w(2, 0.2, 0), "Q21,Q35,Q53,Q66"),
    SYMPTOMS("R00-R99", GENERAL_MEDICINE, 0.02, w(6, 5, 4), w(1, 1, 1), "R50,R10,R51,R05,R42"),
    HEALTH_CONTACT("Z00-Z99", GENERAL_MEDICINE, 0.02, w(8, 6, 3), w(0.5, 0.5, 0.5), "Z00,Z34,Z23,Z01,Z30,Z71");

    private final List<String[]> ranges;
    private final ServiceLine line;
    private final double surgicalShare;
    private final double[] outpatientWeights;
    private final double[] inpatientWeights;
    private final List<String> common;

    DiagnosisGroup(String ranges, ServiceLine line, double surgicalShare, double[] outpatientWeights,
                   double[] inpatientWeights, String common) {
        this.ranges = Arrays.stream(ranges.split(",")).map(range -> range.split("-")).toList();
        this.line = line;
        this.surgicalShare = surgicalShare;
        this.outpatientWeights = outpatientWeights;
        this.inpatientWeights = inpatientWeights;
        this.common = List.of(common.split(","));
    }

    public boolean covers(String category) {
        for (String[] range : ranges) {
            if (category.compareTo(range[0]) >= 0 && category.compareTo(range[1]) <= 0) {
                return true;
            }
        }
        return false;
    }

    public ServiceLine line() {
        return line;
    }

    /** Share of this group's admissions that go to a surgical DRG. */
    public double surgicalShare() {
        return surgicalShare;
    }

    /** Relative outpatient weight for an age group: 0 children, 1 adults, 2 elderly. */
    public double outpatientWeight(int ageGroup) {
        return outpatientWeights[ageGroup];
    }

    public double inpatientWeight(int ageGroup) {
        return inpatientWeights[ageGroup];
    }

    public boolean isCommon(String category) {
        return common.contains(category);
    }

    /** Only women are seen for these. */
    public boolean femaleOnly() {
        return this == PREGNANCY || this == FEMALE_GENITAL;
    }

    public boolean maleOnly() {
        return this == MALE_GENITAL;
    }

    private static double[] w(double children, double adults, double elderly) {
        return new double[] {children, adults, elderly};
    }
}
