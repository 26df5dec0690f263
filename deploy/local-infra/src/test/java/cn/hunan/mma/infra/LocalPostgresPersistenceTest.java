package cn.hunan.mma.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresPersistenceTest {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void a_server_started_on_an_existing_data_directory_keeps_its_databases_and_rows() throws Exception {
        Path dataDir = workDir.resolve("data");
        try (LocalPostgres first = LocalPostgres.start(dataDir)) {
            first.createDatabase("navigation");
            Sql.on(first, "navigation").execute(
                    "CREATE TABLE institution (code text PRIMARY KEY)",
                    "INSERT INTO institution VALUES ('430102-001')");
        }

        try (LocalPostgres second = LocalPostgres.start(dataDir)) {
            System.out.printf("LocalPostgres.startupTime() = %d ms (existing data dir)%n", second.startupTime().toMillis());
            assertThat(Sql.on(second, "navigation").strings("SELECT code FROM institution")).containsExactly("430102-001");
            assertThat(Sql.on(second, "postgres").string("SHOW wal_level")).isEqualTo("logical");
        }
    }

    @Test
    void close_stops_the_server() throws Exception {
        LocalPostgres postgres = LocalPostgres.start(workDir.resolve("data"));
        Sql sql = Sql.on(postgres, "postgres");
        assertThat(sql.string("SELECT 1")).isEqualTo("1");

        postgres.close();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> sql.string("SELECT 1")))
                .isInstanceOf(java.sql.SQLException.class);
    }
}
