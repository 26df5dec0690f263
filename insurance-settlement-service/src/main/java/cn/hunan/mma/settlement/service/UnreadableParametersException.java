package cn.hunan.mma.settlement.service;

/**
 * A stored parameter version that no longer passes the checks a version must pass when it is loaded — stored before a
 * check was added (a DRG base rate of zero, a rate with seven decimals). Nothing priced or computed under it would be
 * right; an officer loads a corrected version of the area (HTTP 409, naming the version and the failed check).
 */
public class UnreadableParametersException extends RuntimeException {

    public UnreadableParametersException(String versionId, RuntimeException failure) {
        super("the settlement parameters " + versionId + " no longer pass the checks (" + failure.getMessage()
                + "): load a corrected version of the area", failure);
    }
}
