package cn.hunan.mma.navigation.registry.domain;

/**
 * A registry rule a proposed state breaks.
 *
 * @param field  the field of the proposed state at fault
 * @param reason a stable code (one of {@link MatrixRules}' reasons)
 * @param detail what is expected; never repeats the rejected value
 */
public record RuleViolation(String field, String reason, String detail) {
}
