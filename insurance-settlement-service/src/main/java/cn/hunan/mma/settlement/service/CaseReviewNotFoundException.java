package cn.hunan.mma.settlement.service;

/** No case was settled for the discharge named (HTTP 404). */
public class CaseReviewNotFoundException extends RuntimeException {

    public CaseReviewNotFoundException(String message) {
        super(message);
    }
}
