package cn.hunan.mma.simulator.reference;

/**
 * A diagnosis of the ICD-10 insurance edition 2.0 that may be a principal diagnosis (not on the
 * NHSA gray-code list).
 *
 * @param category the three-character category, e.g. "I10"
 */
public record Icd10Entry(String code, String name, String category) {
}
