package cn.hunan.mma.navigation.registry.service;

/** Another import is running: two at once would race to insert the same rows. */
public class ImportInProgressException extends RuntimeException {

    public ImportInProgressException() {
        super("another matrix import is running; retry when it has finished");
    }
}
