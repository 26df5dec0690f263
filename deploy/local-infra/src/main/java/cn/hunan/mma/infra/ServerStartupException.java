package cn.hunan.mma.infra;

/** A local server that did not come up; the message ends with the last lines of its log. */
public class ServerStartupException extends IllegalStateException {

    private final transient String logTail;

    ServerStartupException(String message, String logTail) {
        super(message);
        this.logTail = logTail;
    }

    ServerStartupException(String message, String logTail, Throwable cause) {
        super(message, cause);
        this.logTail = logTail;
    }

    /** The last lines the server wrote in this run. */
    public String logTail() {
        return logTail;
    }
}
