package cn.hunan.mma.settlement.service;

/**
 * A draft that cannot be approved as it stands, though nobody changed it: the rules in force on 1 January of its year
 * are no longer those it was computed under, or its factor adjustment is beyond what those rules allow (a draft saved
 * by an older build). The officer drafts it again: HTTP 409.
 */
public class OutdatedDraftException extends RuntimeException {
    public OutdatedDraftException(String message) {
        super(message);
    }
}
