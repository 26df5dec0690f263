package cn.hunan.mma.platform.messaging;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseOutagesTest {

    @Test
    void a_database_that_cannot_answer_now_is_told_from_work_that_is_wrong() {
        assertThat(DatabaseOutages.isTransient(pg("57P01"))).as("terminated by an administrator").isTrue();
        assertThat(DatabaseOutages.isTransient(pg("57P03"))).as("starting up").isTrue();
        assertThat(DatabaseOutages.isTransient(pg("40P01"))).as("deadlock").isTrue();
        assertThat(DatabaseOutages.isTransient(pg("40001"))).as("serialization failure").isTrue();
        assertThat(DatabaseOutages.isTransient(pg("08006"))).as("connection failure").isTrue();
        assertThat(DatabaseOutages.isTransient(pg("53300"))).as("too many connections").isTrue();
        assertThat(DatabaseOutages.isTransient(new CompletionException(pg("57P01")))).as("wrapped").isTrue();
        assertThat(DatabaseOutages.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(DatabaseOutages.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(DatabaseOutages.isTransient(pg("57014"))).as("cancelled by an administrator or a timeout").isTrue();
        assertThat(DatabaseOutages.isTransient(pg("28P01"))).as("the service's password rotated").isTrue();
        assertThat(DatabaseOutages.isTransient(pg("42501"))).as("a grant revoked").isTrue();
        assertThat(DatabaseOutages.isTransient(new VertxException("Timeout waiting for connection", true)))
                .as("no pooled connection free in time").isTrue();
        assertThat(DatabaseOutages.isTransient(new VertxException("something else", true))).isFalse();
        assertThat(DatabaseOutages.isTransient(new CompletionException(new ConcurrentChangeException("replaced meanwhile"))))
                .as("work that met a concurrent change is done again").isTrue();

        assertThat(DatabaseOutages.isTransient(pg("23505"))).as("unique violation").isFalse();
        assertThat(DatabaseOutages.isTransient(pg("22012"))).as("division by zero").isFalse();
        assertThat(DatabaseOutages.isTransient(pg("42P01"))).as("undefined table").isFalse();
        assertThat(DatabaseOutages.isTransient(new CompletionException(pg("23505")))).isFalse();
        assertThat(DatabaseOutages.isTransient(new ArithmeticException("/ by zero"))).isFalse();
        assertThat(DatabaseOutages.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutages.isTransient(pg("08P01"))).as("protocol violation: the same request repeats it").isFalse();
        assertThat(DatabaseOutages.isTransient(new UncheckedIOException(new JsonGenerationException("bad", (JsonGenerator) null))))
                .as("a JSON fault is an IOException too, and repeats").isFalse();
    }

    /**
     * Hibernate Reactive raises PostgreSQL's error as a JDBC SQLException with the state, without the PgException. Before,
     * an entity's deadlock or a restarting server there was "not an outage", and the consumer dead-lettered the record.
     */
    @Test
    void a_database_error_hibernate_reactive_raised_as_a_jdbc_error_is_told_by_its_state_too() {
        assertThat(DatabaseOutages.isTransient(hibernate(new SQLException("deadlock detected", "40P01")))).as("deadlock").isTrue();
        assertThat(DatabaseOutages.isTransient(hibernate(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseOutages.isTransient(hibernate(new SQLException("duplicate key value", "23505"))))
                .as("unique violation").isFalse();
        assertThat(DatabaseOutages.isTransient(hibernate(new SQLException("no state", null, new ConnectException("refused")))))
                .as("a JDBC error without a state says nothing: its cause decides").isTrue();
        assertThat(DatabaseOutages.isTransient(hibernate(new SQLException("no state")))).isFalse();

        assertThat(PgErrors.sqlState(hibernate(new SQLException("check", "23514")))).contains("23514");
        assertThat(PgErrors.hasState(new CompletionException(pg("53200")), "53200")).isTrue();
        assertThat(PgErrors.hasState(hibernate(new SQLException("out of shared memory", "53200")), "53200")).isTrue();
        assertThat(PgErrors.sqlState(new IllegalStateException("bug"))).isEmpty();
    }

    private static Throwable hibernate(SQLException jdbc) {
        return new CompletionException(new RuntimeException("HR000057: failed to execute statement", jdbc));
    }

    @Test
    void work_the_database_could_not_do_now_is_done_again_each_time_afresh() {
        AtomicInteger attempts = new AtomicInteger();

        String result = DatabaseOutages.retried(() -> {
            int attempt = attempts.incrementAndGet();
            return attempt < 3 ? Uni.createFrom().failure(pg("57P01")) : Uni.createFrom().item("settled on attempt " + attempt);
        }, "test work").await().atMost(Duration.ofSeconds(10));

        assertThat(result).isEqualTo("settled on attempt 3");
    }

    /** Hibernate Reactive refuses a session used off its context: a retry must not resume on a timer thread. */
    @Test
    void every_attempt_runs_on_the_context_the_work_was_started_from() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context context = vertx.getOrCreateContext();
            List<Context> attemptsOn = new CopyOnWriteArrayList<>();
            CompletableFuture<String> result = new CompletableFuture<>();
            context.runOnContext(ignored -> DatabaseOutages.retried(() -> {
                attemptsOn.add(Vertx.currentContext());
                return attemptsOn.size() < 3 ? Uni.createFrom().failure(pg("08006")) : Uni.createFrom().item("done");
            }, "test work").subscribe().with(result::complete, result::completeExceptionally));

            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(attemptsOn).hasSize(3).allMatch(attemptContext -> attemptContext == context);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void work_that_is_wrong_fails_at_once() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> DatabaseOutages.retried(() -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(pg("23505"));
        }, "test work").await().atMost(Duration.ofSeconds(10))).isInstanceOf(PgException.class);
        assertThat(attempts).hasValue(1);
    }

    private static PgException pg(String sqlState) {
        return new PgException("test", "ERROR", sqlState, null);
    }
}
