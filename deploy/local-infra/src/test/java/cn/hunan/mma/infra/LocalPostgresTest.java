package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path workDir;

    private static LocalPostgres postgres;

    @BeforeAll
    static void startServer() {
        postgres = LocalPostgres.start(workDir.resolve("data"));
        System.out.printf("LocalPostgres.startupTime() = %d ms (initdb + start)%n", postgres.startupTime().toMillis());
        postgres.createDatabase("referrals");
    }

    @AfterAll
    static void stopServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void stores_and_returns_rows() throws Exception {
        Sql referrals = Sql.on(postgres, "referrals");
        referrals.execute(
                "CREATE TABLE referral (id text PRIMARY KEY, status text NOT NULL)",
                "INSERT INTO referral VALUES ('r-1', 'REQUESTED'), ('r-2', 'ACCEPTED')");

        assertThat(referrals.strings("SELECT id || '=' || status FROM referral ORDER BY id"))
                .containsExactly("r-1=REQUESTED", "r-2=ACCEPTED");
    }

    @Test
    void is_configured_for_logical_decoding_and_durable_commits() throws Exception {
        Sql admin = Sql.on(postgres, "postgres");

        assertThat(admin.string("SHOW wal_level")).isEqualTo("logical");
        assertThat(admin.string("SHOW synchronous_commit")).isEqualTo("on");
        assertThat(Integer.parseInt(admin.string("SHOW max_replication_slots"))).isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(admin.string("SHOW max_wal_senders"))).isGreaterThanOrEqualTo(10);
        assertThat(Integer.parseInt(admin.string("SHOW max_connections"))).isBetween(150, 300);
        assertThat(admin.string("SHOW max_wal_size")).isEqualTo("8GB");
        assertThat(admin.string("SHOW shared_buffers")).isEqualTo(LocalPostgres.sharedBuffers());
        assertThat(admin.string("SELECT setting FROM pg_file_settings WHERE name = 'max_slot_wal_keep_size'")).isEqualTo("16GB");
        assertThat(admin.string("SHOW shared_preload_libraries")).isEqualTo("pg_stat_statements");
    }

    @Test
    void streams_committed_rows_through_a_pgoutput_replication_slot() throws Exception {
        Sql referrals = Sql.on(postgres, "referrals");
        referrals.execute(
                "CREATE TABLE outbox (id bigserial PRIMARY KEY, event_type text NOT NULL)",
                "CREATE PUBLICATION outbox_publication FOR TABLE outbox",
                "SELECT pg_create_logical_replication_slot('outbox_slot', 'pgoutput')",
                "INSERT INTO outbox (event_type) VALUES ('ReferralRequested')");

        List<byte[]> messages = referrals.bytes("SELECT data FROM pg_logical_slot_peek_binary_changes("
                + "'outbox_slot', NULL, NULL, 'proto_version', '1', 'publication_names', 'outbox_publication')");
        referrals.execute("SELECT pg_drop_replication_slot('outbox_slot')");

        // pgoutput protocol: Begin, Relation (the table's shape), Insert, Commit.
        assertThat(messages).extracting(message -> (char) message[0]).containsExactly('B', 'R', 'I', 'C');
        assertThat(new String(messages.get(2), StandardCharsets.UTF_8)).contains("ReferralRequested");
    }

    @Test
    void creating_an_existing_database_again_keeps_its_data() throws Exception {
        postgres.createDatabase("settlements");
        Sql.on(postgres, "settlements").execute("CREATE TABLE ledger (fen bigint)", "INSERT INTO ledger VALUES (12345)");

        postgres.createDatabase("settlements");

        assertThat(Sql.on(postgres, "settlements").string("SELECT fen FROM ledger")).isEqualTo("12345");
    }

    @Test
    void rejects_database_names_that_would_need_quoting() {
        assertThatThrownBy(() -> postgres.createDatabase("Robert\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gives_jdbc_and_reactive_urls_on_loopback() {
        assertThat(postgres.jdbcUrl("referrals")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/referrals");
        assertThat(postgres.reactiveUrl("referrals")).isEqualTo("postgresql://127.0.0.1:" + postgres.port() + "/referrals");
    }
}
