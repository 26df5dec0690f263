package cn.hunan.mma.navigation.registry.service;

/**
 * The database could not finish an import for a reason that is not the rows' (it restarted, a connection was lost,
 * a deadlock): the batches committed before stay, and the same import run again completes the rest, since rows
 * already there count as unchanged.
 */
public class ImportInterruptedException extends RuntimeException {

    public ImportInterruptedException(Throwable cause) {
        super("the database could not finish the import; rows committed before the failure stay, "
                + "and importing the same directory again completes it", cause);
    }
}
