package cn.hunan.mma.referral.service;

import cn.hunan.mma.infra.RealJwtTestResource;
import cn.hunan.mma.infra.RealKafkaTestResource;
import cn.hunan.mma.infra.RealPostgresTestResource;
import cn.hunan.mma.referral.capacity.UnusedSlotRelease;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic jobs read through V8's indexes, not a sequential scan (2026-11-25 (8)): each query's plan, on a table of
 * a few thousand generated rows, ANALYZE'd, names the index. The rows are written in a transaction that is rolled back,
 * so no other test (and no look of the no-show job) ever sees them. Also: the no-show index leaves the transitions
 * that neither enter nor leave SCHEDULED HOT, which an index on status would not.
 */
@QuarkusTest
@QuarkusTestResource(RealKafkaTestResource.class)
@QuarkusTestResource(value = RealPostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@QuarkusTestResource(RealJwtTestResource.class)
class PeriodicJobIndexesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    // 5,000 referrals over the last 5,000 hours: every 50th is still SCHEDULED (100), the others closed. The no-show
    // column holds the appointment of the SCHEDULED ones only.
    private static final String REFERRALS = """
            insert into referral (id, episode_id, status, version, review_required, direction, urgency,
                sender_institution_id, sender_department_id, sender_division, receiver_institution_id,
                receiver_department_id, receiver_division, patient_pseudonym, diagnosis, reason, criteria, flags,
                attachment_refs, appointment_at, requested_at, updated_at)
            select 'plan-' || n, 'plan-episode-' || n, case when n % 50 = 0 then 'SCHEDULED' else 'COMPLETED' end, 3,
                   false, 'UP', 'ROUTINE', 'plan-sender', 'GENERAL', '430302', 'plan-receiver', 'CARDIO', '430300',
                   lpad(to_hex(n), 64, '0'), 'I10', 'plan', '', '', '', $1::timestamptz - n * interval '1 hour',
                   $1::timestamptz - n * interval '1 hour' - interval '2 days', $1::timestamptz
            from generate_series(1, 5000) n""";

    // 5,000 sessions, one a day back from 2026-11-27 (Asia/Shanghai dates), each with free reserved slots.
    private static final String SESSIONS = """
            insert into reserved_slot_pool (institution_id, department_id, session_date, period, expert, reserved)
            select 'plan-hospital', 'CARDIO', date '2026-11-27' - n, 'AM', true, 4
            from generate_series(0, 4999) n""";

    @Inject
    Pool database;

    @Test
    void the_no_show_look_reads_the_scheduled_referrals_through_their_index() {
        inRolledBackTransaction(connection -> {
            execute(connection, REFERRALS, Tuple.of(utc(NOW)));
            execute(connection, "analyze referral", Tuple.tuple());

            // The first batch of a look 24 h after NOW, as MissedAppointments sends it.
            String plan = plan(connection, MissedAppointments.OVERDUE,
                    Tuple.of(utc(NOW.minusSeconds(86_400)), utc(Instant.EPOCH), "", 100));
            // An index-only scan, as the look reads only the id and the indexed appointment.
            assertThat(plan).contains("Scan using referral_scheduled_appointment on referral")
                    .doesNotContain("Seq Scan").doesNotContain("Sort");
        });
    }

    @Test
    void the_release_job_reads_the_due_sessions_through_the_session_date_index() {
        inRolledBackTransaction(connection -> {
            execute(connection, SESSIONS, Tuple.tuple());
            execute(connection, "analyze reserved_slot_pool", Tuple.tuple());

            // At 02:00 UTC (10:00 CST) with the test profile's 15 h lead time: the day's PM and EVENING are due.
            String plan = plan(connection, UnusedSlotRelease.RELEASE_DUE.replace(":now", "$1").replace(":cutoff", "$2"),
                    Tuple.of(utc(NOW), utc(NOW.plusSeconds(15 * 3_600))));
            assertThat(plan).contains("reserved_slot_pool_session_date").doesNotContain("Seq Scan");
        });
    }

    /**
     * An accept (REQUESTED → ACCEPTED) is a HOT update: the no-show index's column stays null; the schedule, which
     * gives it the appointment, is not. With the index on status (its predicate), every transition would be non-HOT.
     */
    @Test
    void a_transition_that_neither_enters_nor_leaves_scheduled_stays_a_hot_update() {
        inRolledBackTransaction(connection -> {
            execute(connection, REFERRALS.replace("generate_series(1, 5000)", "generate_series(1, 1)")
                    .replace("'COMPLETED'", "'REQUESTED'"), Tuple.of(utc(NOW)));
            long[] before = updates(connection);
            execute(connection, "update referral set status = 'ACCEPTED', version = 4 where id = 'plan-1'", Tuple.tuple());
            assertThat(since(before, updates(connection))).as("updates, of which HOT").containsExactly(1L, 1L);

            execute(connection, "update referral set status = 'SCHEDULED', version = 5 where id = 'plan-1'", Tuple.tuple());
            assertThat(since(before, updates(connection))).as("updates, of which HOT").containsExactly(2L, 1L);
        });
    }

    private void inRolledBackTransaction(Consumer<SqlConnection> work) {
        SqlConnection connection = database.getConnection().await().indefinitely();
        try {
            connection.query("begin").execute().await().indefinitely();
            work.accept(connection);
        } finally {
            connection.query("rollback").execute().await().indefinitely();
            connection.close().await().indefinitely();
        }
    }

    private static void execute(SqlConnection connection, String sql, Tuple arguments) {
        connection.preparedQuery(sql).execute(arguments).await().indefinitely();
    }

    private static String plan(SqlConnection connection, String query, Tuple arguments) {
        return StreamSupport.stream(connection.preparedQuery("explain " + query).execute(arguments).await().indefinitely()
                .spliterator(), false).map(row -> row.getString(0)).collect(Collectors.joining("\n"));
    }

    /**
     * The backend's updates of referral rows not yet in the cumulative statistics, and how many were HOT: this
     * transaction's, plus those of the connection's earlier transactions until the backend flushes them (about once a
     * second), hence compared as {@link #since differences}.
     */
    private static long[] updates(SqlConnection connection) {
        Row row = connection.query("select n_tup_upd, n_tup_hot_upd from pg_stat_xact_user_tables where relname = 'referral'")
                .execute().await().indefinitely().iterator().next();
        return new long[] {row.getLong(0), row.getLong(1)};
    }

    private static long[] since(long[] before, long[] now) {
        return new long[] {now[0] - before[0], now[1] - before[1]};
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
