package cn.hunan.mma.referral.rest;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A session holding the bed pool rows of some wards (FOR UPDATE, in one open transaction) until closed: as a transition
 * in flight holds one for milliseconds, or a session idle in transaction holds them for good. Counts who waits.
 */
final class StuckSession implements AutoCloseable {

    private final Pool database;
    private final SqlConnection connection;
    private final Transaction transaction;

    StuckSession(Pool database, BedWard... wards) {
        this.database = database;
        this.connection = database.getConnection().await().atMost(Duration.ofSeconds(10));
        this.transaction = connection.begin().await().atMost(Duration.ofSeconds(10));
        for (BedWard ward : wards) {
            connection.preparedQuery("select held from reserved_bed_pool where institution_id = $1 and department_id = $2"
                    + " for update").execute(Tuple.of(ward.matrix.county.value(), "CARDIO")).await().atMost(Duration.ofSeconds(10));
        }
    }

    /** Waits until at least {@code transitions} sessions of this database wait for a lock. */
    void awaitWaiting(int transitions) {
        await().atMost(Duration.ofSeconds(30)).until(() -> database.query("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0) >= transitions);
    }

    @Override
    public void close() {
        transaction.commit().await().atMost(Duration.ofSeconds(10));
        connection.close().await().atMost(Duration.ofSeconds(10));
    }
}
