package cn.hunan.mma.settlement.service;

/**
 * The declared base standing for a budget year is the spend of other divisions than the alliance covers now (the matrix
 * added or took one since it was declared): no draft is computed on it — HTTP 409 until the base is declared again for
 * the alliance's divisions, or withdrawn.
 */
public class DeclaredBaseOutdatedException extends RuntimeException {
    public DeclaredBaseOutdatedException(String message) {
        super(message);
    }
}
