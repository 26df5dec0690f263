package cn.hunan.mma.benchmark.support;

import cn.hunan.mma.infra.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PostgresStatements} on a real {@link LocalPostgres}: what ran after the reset, counted per statement. */
class PostgresStatementsTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path workDir;

    private static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start(workDir.resolve("data"));
        postgres.createDatabase("statements");
    }

    @AfterAll
    static void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void counts_each_statement_run_after_the_snapshot_and_nothing_from_before() throws Exception {
        PostgresStatements statements = new PostgresStatements(postgres.jdbcUrl("statements"), postgres.username(),
                postgres.password());
        try (Connection connection = connect(); Statement setup = connection.createStatement()) {
            setup.execute("create table referral (id text primary key, status text not null)");
        }
        statements.install();
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("insert into referral values (?, 'REQUESTED')")) {
            for (int i = 0; i < 3; i++) {
                insert.setString(1, "before-the-window-" + i);
                insert.executeUpdate();
            }
        }

        PostgresStatements.Snapshot before = statements.snapshot();
        try (Connection connection = connect();
             PreparedStatement insert = connection.prepareStatement("insert into referral values (?, 'REQUESTED')")) {
            for (int i = 0; i < 7; i++) {
                insert.setString(1, "R-" + i);
                insert.executeUpdate();
            }
        }
        List<PostgresStatements.Figures> top = statements.since(before);

        PostgresStatements.Figures inserts = top.stream().filter(f -> f.query().startsWith("insert into referral"))
                .findFirst().orElseThrow();
        assertThat(inserts.calls()).isEqualTo(7);
        assertThat(inserts.rows()).isEqualTo(7);
        assertThat(inserts.walBytes()).isPositive();
        assertThat(top).noneMatch(f -> f.query().contains("create table") || f.query().contains("pg_stat_statements"));
        assertThat(PostgresStatements.table(top, 40)).contains("insert into referral values ($1, $2)");
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("statements"), postgres.username(), postgres.password());
    }
}
