package cn.hunan.mma.platform.messaging;

import com.fasterxml.jackson.core.JacksonException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A consumer's database work retried while the database cannot do it, instead of failing the records.
 *
 * <p>A consumer's failure strategy sends a failed record to its dead-letter topic — right for a record that is wrong,
 * wrong for one that is fine but met a database restarting, a failover, a connection killed or a deadlock: every
 * record polled during a minute's outage would be dead-lettered, and a matrix record dead-lettered leaves the service's
 * copy of the matrix stale until someone replays it. Such failures are retried with a growing pause (up to
 * {@link #LONGEST_PAUSE}) for as long as they last; the consumer's partitions wait meanwhile (nothing is lost, and the
 * records keep their order). Any other failure passes through to the failure strategy at once.
 */
public final class DatabaseOutages {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutages.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    /**
     * SQLSTATEs that say "not now" rather than "not this": serialization failure and deadlock (class 40), insufficient
     * resources such as too many connections (class 53), the server shutting down, crashed or starting (57P01–57P03),
     * a lock not available (55P03), a statement cancelled (57014: an administrator's pg_cancel_backend, or a timeout),
     * and the database refusing the service's own role (class 28, a password rotated; 42501, a grant revoked): none of
     * them is the record's fault, and dead-lettering every record polled meanwhile would lose the poll to the DLT.
     * Connection exceptions (class 08) are matched by class.
     */
    private static final Set<String> RETRY_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "55P03", "57014", "42501");
    private static final Set<String> RETRY_CLASSES = Set.of("08", "53", "28");
    /** The Vert.x pool's answer when no connection frees up in time: the database busy, not the work wrong. */
    private static final String POOL_TIMEOUT = "Timeout waiting for connection";
    private static final String PROTOCOL_VIOLATION = "08P01";

    private DatabaseOutages() {
    }

    /**
     * @param work builds the work afresh for each attempt (a new transaction each time)
     * @param what what the work is, for the log: e.g. "settling 5,000 discharges"
     */
    public static <T> Uni<T> retried(Supplier<Uni<T>> work, String what) {
        // Each attempt runs on the context the consumer called from: Hibernate Reactive refuses a session used from
        // another thread, which is where Mutiny's own back-off would resume.
        return Uni.createFrom().deferred(() -> attempt(work, what, FIRST_PAUSE, Vertx.currentContext()));
    }

    private static <T> Uni<T> attempt(Supplier<Uni<T>> work, String what, Duration pause, Context context) {
        return Uni.createFrom().<T>deferred(() -> work.get()).onFailure(DatabaseOutages::isTransient).recoverWithUni(failure -> {
            LOG.warn("The database could not finish {} ({}); trying again in {}", what, failure.toString(), pause);
            Duration next = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            return after(pause, context).chain(() -> attempt(work, what, next, context));
        });
    }

    /** Completes after the pause, on the context (on a timer thread where there is none, as in a plain test). */
    private static Uni<Void> after(Duration pause, Context context) {
        if (context == null) {
            return Uni.createFrom().voidItem().onItem().delayIt().by(pause);
        }
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(pause.toMillis(),
                timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    /**
     * Whether the failure, or the first of its causes that says anything, says the database could not do the work now
     * (or the work met a concurrent change, {@link ConcurrentChangeException}: done again, it reads the change).
     * Not an outage: a protocol violation (08P01, a client or encoding fault that the same request repeats) and a JSON
     * fault (Jackson's exceptions are {@link IOException}s, and repeat just as surely).
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // A PostgreSQL error decides, whether the reactive client's or the JDBC one Hibernate Reactive raises in
            // its place (with the state, without the PgException: before 2026-11-25 (5) an entity's deadlock was not
            // an outage, and its record was dead-lettered). A JDBC error without a state says nothing: walk on.
            String state = PgErrors.stateOf(cause);
            if (cause instanceof PgException || state != null) {
                return state != null && !PROTOCOL_VIOLATION.equals(state) && (RETRY_STATES.contains(state)
                        || (state.length() == 5 && RETRY_CLASSES.contains(state.substring(0, 2))));
            }
            if (cause instanceof ConcurrentChangeException) {
                return true;
            }
            if (cause instanceof JacksonException) {
                return false;
            }
            if (cause instanceof VertxException && POOL_TIMEOUT.equals(cause.getMessage())) {
                return true;
            }
            if (cause instanceof ClosedConnectionException || cause instanceof IOException) {
                return true;   // the connection was closed, reset or never opened (ConnectException is an IOException)
            }
        }
        return false;
    }
}
