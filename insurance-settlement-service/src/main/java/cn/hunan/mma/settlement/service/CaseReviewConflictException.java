package cn.hunan.mma.settlement.service;

/** The case is not awaiting review: settled otherwise, superseded, or already decided (HTTP 409). */
public class CaseReviewConflictException extends RuntimeException {

    public CaseReviewConflictException(String message) {
        super(message);
    }
}
