package cn.hunan.mma.navigation.registry.service;

import cn.hunan.mma.platform.messaging.DatabaseOutages;
import cn.hunan.mma.platform.messaging.PgErrors;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * PostgreSQL's error behind a failed import transaction: its SQLSTATE, and where it was, from the reactive client's
 * error or from the JDBC one Hibernate Reactive raises in its place (which names the constraint only).
 *
 * @param sqlState PostgreSQL's SQLSTATE
 * @param where    the table, column and constraint PostgreSQL names, as far as they are known; never a value
 */
record DatabaseError(String sqlState, String where) {

    /** Reason code in the import report for a row the database refused. */
    static final String REFUSED_BY_DATABASE = "REFUSED_BY_DATABASE";

    /** Data exceptions (a value too long for its column, …) and integrity constraints (a check, …). */
    private static final Set<String> ROW_CLASSES = Set.of("22", "23");

    private static final Set<String> ABORTED_FOR_ANOTHER = Set.of("40P01", "40001");

    static Optional<DatabaseError> in(Throwable failure) {
        return PgErrors.sqlState(failure).map(state -> new DatabaseError(state, PgErrors.in(failure)
                .map(database -> where(database.getTable(), database.getColumn(), database.getConstraint()))
                .orElseGet(() -> where(null, null, PgErrors.first(failure, ConstraintViolationException.class)
                        .map(ConstraintViolationException::getConstraintName).orElse(null)))));
    }

    /** The row's fault, found again however often it is tried: the import reports the row and goes on. */
    static boolean refusesRow(Throwable failure) {
        return in(failure).filter(error -> error.sqlState().length() == 5
                && ROW_CLASSES.contains(error.sqlState().substring(0, 2))).isPresent();
    }

    /**
     * PostgreSQL rolled the transaction back for a concurrent one — a deadlock (40P01) or a serialization failure
     * (40001): the same work run again afresh can succeed.
     */
    static boolean abortedForAnother(Throwable failure) {
        return PgErrors.sqlState(failure).filter(ABORTED_FOR_ANOTHER::contains).isPresent();
    }

    /** The database's state, not the import's fault. */
    static boolean isOutage(Throwable failure) {
        return DatabaseOutages.isTransient(failure);
    }

    /** For the report: PostgreSQL's message and detail may quote the refused values ("Failing row contains …"). */
    String detail() {
        return "SQLSTATE " + sqlState + (where.isEmpty() ? "" : " (" + where + ")");
    }

    private static String where(String table, String column, String constraint) {
        StringJoiner where = new StringJoiner(", ");
        named(where, "table", table);
        named(where, "column", column);
        named(where, "constraint", constraint);
        return where.toString();
    }

    private static void named(StringJoiner where, String what, String name) {
        if (name != null && !name.isEmpty()) {
            where.add(what + " " + name);
        }
    }
}
