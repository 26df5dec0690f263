package cn.hunan.mma.events.matrix;

/** What sort of institution it is, independent of its level. */
public enum InstitutionKind {
    GENERAL,
    /** Traditional Chinese medicine hospital (中医院). */
    TCM,
    /** Maternal and child health hospital (妇幼保健院). */
    MATERNAL_CHILD,
    /** Centre for disease control (疾控中心). */
    CDC,
    /** Village clinic or outpatient clinic (村卫生室, 诊所). */
    CLINIC,
    /** Community or township health centre (社区卫生服务中心, 乡镇卫生院). */
    COMMUNITY
}
