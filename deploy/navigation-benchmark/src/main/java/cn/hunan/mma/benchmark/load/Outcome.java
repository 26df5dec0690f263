package cn.hunan.mma.benchmark.load;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/**
 * How one request ended, as the report counts it: 2xx is the only success; 429 (the public
 * endpoint's rate limiter) is reported on its own line because the benchmark configures the limiter
 * out of the way, so any 429 means that configuration did not take.
 */
public final class Outcome {

    public static final String OK = "2xx";
    public static final String RATE_LIMITED = "HTTP 429";
    public static final String TIMEOUT = cn.hunan.mma.benchmark.support.HttpConnections.TIMEOUT;
    /** Waited in the generator for a free connection until its timeout, and was never sent. */
    public static final String QUEUED_TOO_LONG = "timeout (no free connection)";

    private Outcome() {
    }

    public static String ofStatus(int status) {
        return status >= 200 && status < 300 ? OK : "HTTP " + status;
    }

    public static String ofFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return TIMEOUT;
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        return "I/O: " + cause.getClass().getSimpleName();
    }

    public static boolean isError(String outcome) {
        return !OK.equals(outcome) && !RATE_LIMITED.equals(outcome);
    }
}
