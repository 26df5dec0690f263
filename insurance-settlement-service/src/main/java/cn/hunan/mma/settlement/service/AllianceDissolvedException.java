package cn.hunan.mma.settlement.service;

/** The alliance is dissolved and the request would plan or settle something it no longer has: HTTP 409. */
public class AllianceDissolvedException extends RuntimeException {
    public AllianceDissolvedException(String message) {
        super(message);
    }
}
