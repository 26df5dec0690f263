package cn.hunan.mma.events.matrix;

/** How a department is recognised; navigation recommends tagged specialties first. */
public enum SpecialtyTag {
    /** 重点专科. */
    KEY,
    /** 优势专科. */
    ADVANTAGE,
    /** 特色专科. */
    CHARACTERISTIC,
    ORDINARY
}
