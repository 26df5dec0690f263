package cn.hunan.mma.navigation.registry;

import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Rows held by a transaction of the test's own while the application's requests run into them: a way to put two
 * transactions in a known order without sleeping.
 */
final class HeldRows {

    private static final Duration SQL_DEADLINE = Duration.ofSeconds(30);

    private HeldRows() {
    }

    /** The requests' responses in order, and when the test's transaction let go of the row (just before its commit). */
    record Released(List<Response> responses, Instant at) {
    }

    /**
     * Runs the holding statement in a transaction, then sends the requests one after another, each once every request
     * before it waits on a lock in this database or has been answered (a request that takes no conflicting lock goes
     * straight through: the test's assertions, not a timeout, then say what it did); then commits, and answers the
     * requests' responses in order.
     */
    static List<Response> whileHeld(Pool pool, String holding, Tuple arguments, List<Supplier<Response>> requests) throws Exception {
        return released(pool, holding, arguments, requests).responses();
    }

    /** As {@link #whileHeld}, with the moment the row was let go. */
    static Released released(Pool pool, String holding, Tuple arguments, List<Supplier<Response>> requests) throws Exception {
        SqlConnection holder = pool.getConnection().await().atMost(SQL_DEADLINE);
        try {
            Transaction held = holder.begin().await().atMost(SQL_DEADLINE);
            holder.preparedQuery(holding).execute(arguments).await().atMost(SQL_DEADLINE);
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (Supplier<Response> request : requests) {
                answers.add(CompletableFuture.supplyAsync(request));
                int sent = answers.size();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> waitingOnLocks(pool) + answered(answers) >= sent);
            }
            Instant releasedAt = Instant.now();
            held.commit().await().atMost(SQL_DEADLINE);
            List<Response> responses = new ArrayList<>();
            for (CompletableFuture<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return new Released(responses, releasedAt);
        } finally {
            holder.close().await().atMost(SQL_DEADLINE);
        }
    }

    private static int answered(List<CompletableFuture<Response>> answers) {
        return (int) answers.stream().filter(CompletableFuture::isDone).count();
    }

    private static int waitingOnLocks(Pool pool) {
        return pool.query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND cardinality(pg_blocking_pids(pid)) > 0")
                .execute().await().atMost(SQL_DEADLINE).iterator().next().getInteger(0);
    }
}
