package cn.hunan.mma.navigation.registry.domain;

/**
 * A line of a matrix file that was not imported.
 *
 * @param line   1-based line number in the file
 * @param reason a stable code (a contract rejection reason, or one of the registry's own)
 * @param detail what was expected; never repeats the rejected value
 */
public record RejectedRow(String file, int line, String reason, String detail) {
}
