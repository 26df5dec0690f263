package cn.hunan.mma.settlement.service;

/** A discharge that cannot be settled (unknown institution, group without weight or score): dead-lettered with this reason. */
public class CaseNotSettledException extends RuntimeException {
    public CaseNotSettledException(String message) {
        super(message);
    }

    public CaseNotSettledException(String message, Throwable cause) {
        super(message, cause);
    }
}
