package cn.hunan.mma.settlement.service;

/** The matrix has not stated the alliance, so nothing can be scoped or settled for it (HTTP 404). */
public class UnknownAllianceException extends RuntimeException {

    public UnknownAllianceException(String allianceId) {
        super("alliance " + allianceId + " is not in the matrix");
    }
}
