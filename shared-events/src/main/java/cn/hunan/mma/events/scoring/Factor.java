package cn.hunan.mma.events.scoring;

/** The nine assessment factors of the factor method (因素法): five business, four supporting. */
public enum Factor {
    /** 预防. */
    PREVENTION,
    /** 门诊. */
    OUTPATIENT,
    /** 住院. */
    INPATIENT,
    /** 转诊. */
    REFERRAL,
    /** 质效. */
    QUALITY_EFFICIENCY,
    /** 能力. */
    CAPABILITY,
    /** 医保. */
    INSURANCE,
    /** 行风. */
    CONDUCT,
    /** 保障. */
    SUPPORT
}
