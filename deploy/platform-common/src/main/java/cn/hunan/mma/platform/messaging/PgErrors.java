package cn.hunan.mma.platform.messaging;

import io.vertx.pgclient.PgException;

import java.util.Optional;

/** PostgreSQL's error behind a failure, wherever the reactive client and the callers' wrappers put it. */
public final class PgErrors {

    private PgErrors() {
    }

    /** The first PostgreSQL error in the failure's chain of causes (a cause that is its own cause ends the walk). */
    public static Optional<PgException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PgException database) {
                return Optional.of(database);
            }
        }
        return Optional.empty();
    }

    /** Whether the failure's PostgreSQL error, if any, has this SQLSTATE. */
    public static boolean hasState(Throwable failure, String sqlState) {
        return in(failure).map(database -> sqlState.equals(database.getSqlState())).orElse(false);
    }
}
