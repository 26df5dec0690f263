package cn.hunan.mma.platform.messaging;

import io.vertx.pgclient.PgException;

import java.sql.SQLException;
import java.util.Optional;

/** PostgreSQL's error behind a failure, wherever the reactive client and the callers' wrappers put it. */
public final class PgErrors {

    private PgErrors() {
    }

    /** The first PostgreSQL error in the failure's chain of causes (a cause that is its own cause ends the walk). */
    public static Optional<PgException> in(Throwable failure) {
        return first(failure, PgException.class);
    }

    /**
     * The SQLSTATE of the first cause that carries one: the reactive client's {@link PgException}, or the JDBC
     * {@link SQLException} Hibernate Reactive raises in its place — Hibernate keeps PostgreSQL's state and message but
     * not the {@code PgException}, so a walk for that alone finds nothing behind an entity's write.
     */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = stateOf(cause);
            if (state != null) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /** Whether the failure's SQLSTATE, if any, is this one. */
    public static boolean hasState(Throwable failure, String sqlState) {
        return sqlState(failure).map(sqlState::equals).orElse(false);
    }

    /** The first cause of this type in the failure's chain (a cause that is its own cause ends the walk). */
    public static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** This throwable's own SQLSTATE, or null when it is not a database error or carries none. */
    static String stateOf(Throwable cause) {
        if (cause instanceof PgException database) {
            return database.getSqlState();
        }
        return cause instanceof SQLException jdbc ? jdbc.getSQLState() : null;
    }
}
